# ruff: noqa: E501  (the multilingual vocabularies below read better one phrase group a line)
"""Who, if anyone, does a Slack message thank? A pure function over the raw message text.

`detect_thanks(text, author, thread_parent_author)` returns the users the author genuinely thanks
for help received, in order of first appearance, each with a short reason when the message gives
one ("thanks <@U1> for the quick review" → U1, "the quick review").

How it works (each step is linear in the text, which is capped at `MAX_CHARS`):

1. A cheap pre-filter: most Slack traffic is chatter with no word of thanks in any language, and is
   rejected by a single regex search before any other work (and a test for British "ta <Name>", which only the
   name's capital tells from Portuguese "ta bom", so it is read before lowercasing).
2. Normalise Slack markup into one-character tokens: each `<@U…>` becomes its own private-use
   character (so mention order survives), user groups / `<!here>` become a "group" token, thanks
   emoji (:pray:, 🙏, :bow: … with skin tones) a "thanks emoji" token, eye-rolls a "sarcasm" token.
   Quoted lines (`&gt;`), code spans and code blocks are dropped: thanks inside them are someone
   else's words or code. Link labels are kept as text unless they contain a thanks word.
3. One scan finds thanks cues (thanks / ty / cheers / kudos / "you saved me" / 🙏 / 20 languages)
   and the phrases that cancel them (thanks in advance, no thanks, thank god, thank-you page,
   "good, thanks" small talk, sarcasm markers, requests).
4. Each surviving cue is given targets: mentions right after it ("thanks <@A> and <@B>"), right
   before it ("<@A> thanks"), after its reason ("thanks for the review <@A>"), "especially <@A>",
   the sentence's addressee ("<@A> that worked, you're the best"), the one person just credited with
   a success ("<@A>'s one-liner fixed it. thank you!"), or in a thread reply with no one named, the
   parent's author. "thanks to <@A>" followed by a harm that was not averted is blame, not thanks. Mentions inside the reason ("for introducing me to <@B>"), after
   "cc", or starting a new clause ("<@B> can you merge?") are not targets.
5. A thanks to several at once ("thank you all / both / three", "I'm grateful to each of you", "couldn't have done
   it without you three. Merci", "Marco, Felix — thank you") is for the people the message credits with work done
   before it, in any tense-marked way ("<@A> moved 38 boxes", "<@B> a géré les arrivées", "<@C>'s playlist was…"):
   not for those given work still to do ("<@A> leads the rollout next quarter", "<@B> will…"), asked or cc'd.
6. When the scan found a word of thanks, a learned model weighs every person the message could thank (each mention,
   and the thread's author for a reply) and has the last word: a logistic regression over the rules' own answer, the
   phrases the scan found and the words around the person, trained on the labelled messages in tests/data by
   tools/train_thanks_model.py. The rules are written from the forms of thanks seen so far; the model carries what
   they learned to forms they have not met (BENCHMARKS.md, "Accuracy in stop 21"). It is not asked when the rules
   settle the message alone: a top-level message that could thank one person only, whom the rules thank, with nothing
   asked or cancelled in it ("thanks <@A>!") — about 40% of what would reach it, where on unseen sets it changed 3
   answers of 1,131, 2 for the worse (BENCHMARKS.md, "Accuracy in stop 27"). Nor does it add the owners of work
   still to do: people named only in the points under an action-items heading or on an unticked "[ ]" line.

No clock, and no I/O but reading the model's weights (thanks_model.bin, beside this file) once. The only state is
those weights and the vocabulary's regexes, both loaded once on first use or by `warm_up()` (seconds of CPU, so not
at import), and a bounded memo from matched phrase to its kind (an optimisation; answers do not depend on it), so
calls are deterministic and safe from any thread.
"""

from __future__ import annotations

import math
import os
import re
import sys
import threading
import unicodedata
import zlib
from array import array
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from operator import itemgetter
from types import ModuleType
from typing import Final, TypeVar

__all__ = ["MAX_CHARS", "Thanks", "detect_thanks", "model_buckets", "model_scores"]

# Slack's own limit for a message's text. Longer input is cut here so the work stays linear and
# bounded whatever arrives (a 10 MB line through `giveback detect` costs the same as 40,000 chars).
MAX_CHARS = 40_000
MAX_REASON = 120
_VIEW = 400  # characters a cue looks at on either side, within its sentence
_REACTION = 24  # characters of a reaction between the person a message opens with and its thanks ("<@A> wow, already!")


@dataclass(frozen=True, slots=True)
class Thanks:
    user_id: str
    reason: str | None  # short plain text (no Slack markup, <= 120 chars), or None


# ---------------------------------------------------------------------------------------------
# Tokens. Mention k becomes chr(_M0 + k): a single character, so regexes treat a mention as one
# symbol and its user id is recovered from the character itself.
_M0: Final = 0xF0000
_MMAX: Final = 0xFFFFD - _M0
M = "[\U000f0000-\U000ffffd]"
GROUP = "\ue001"  # <!here>, <!channel>, <!everyone>, <!subteam^…>
CHANNEL = "\ue002"
TYE = "\ue003"  # thanks emoji
SARC = "\ue004"  # eye-roll / upside-down face
EMO = "\ue005"  # any other emoji
CODE = "\ue006"
LINK = "\ue007"
_TOKENS = GROUP + CHANNEL + TYE + SARC + EMO + CODE + LINK
# Emoji typed as characters, not shortcodes ("<@A> 💜 appreciate you"): like EMO, they may sit between a
# person and their thanks.
_UEMOJI = "\u2600-\u27bf\U0001f300-\U0001faff"

_THANKS_EMOJI = frozenset(
    [
        "pray",
        "folded_hands",
        "raised_hands",
        "bow",
        "man_bowing",
        "woman_bowing",
        "person_bowing",
        "bowing_man",
        "bowing_woman",
        "thankyou",
        "thank_you",
        "thank-you",
        "thanks",
        "ty",
        "thx",
        "tysm",
        "gracias",
        "merci",
        "danke",
        "arigato",
        "arigatou",
        "obrigado",
        "grazie",
        "spasibo",
        "pray_hands",
        "praying_hands",
    ]
)
_SARC_EMOJI = frozenset(
    [
        "roll_eyes",
        "face_with_rolling_eyes",
        "rolling_eyes",
        "eye_roll",
        "eyeroll",
        "eye-roll",
        "upside_down_face",
        "upside-down_face",
        "unamused",
        "neutral_face",
        "expressionless",
        "rage",
        "angry",
    ]
)

# Unicode emoji: the thanks and sarcasm ones become tokens; skin tones, ZWJ, variation selectors
# and gender signs are dropped so "🙇🏽‍♂️" reads as one bow. Arabic diacritics are dropped too
# ("شكراً" → "شكرا") so one spelling of each word suffices.
_TRANSLATE: dict[int, str | None] = {0x1F64F: f" {TYE} ", 0x1F64C: f" {TYE} ", 0x1F647: f" {TYE} "}
# (😐 and 😑 too: "thanks for volunteering me to present tomorrow. really. great. 😐", "thanks to <@A>'s sandbox test
# the board deck showed 12 impossible vessel calls 😑")
_TRANSLATE.update({c: f" {SARC} " for c in (0x1F644, 0x1F643, 0x1F612, 0x1F610, 0x1F611, 0x1F620, 0x1F621)})
_TRANSLATE.update(dict.fromkeys([*range(0x1F3FB, 0x1F400), 0x200D, 0xFE0F, 0x2640, 0x2642], None))
_TRANSLATE.update(dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640], None))
# Turkish dotted capital "İ" lowercases to "i" plus a combining dot, which no phrase is written with: read as "I", it
# lowercases to "i" ("İyiyiz sağ ol", "İşe yaradı") and stays a capital where sentence case is read.
_TRANSLATE[0x0130] = "I"
# str.translate looks up every character; a regex finds the few that need it much faster.
# A few ranges test faster than a set of scattered characters; emoji in the range that need no
# change map to themselves.
_TRANSLATE_RE = re.compile(
    "[\u0130\u0640\u064b-\u065f\u0670\u200d\u2640\u2642\ufe0f\ue000-\ue00f\U0001f3fb-\U0001f64f\U000f0000-\U000fffff]"
)
_TRANSLATE_STR = {chr(c): r or "" for c, r in _TRANSLATE.items()}


def _translate_one(m: re.Match[str]) -> str:
    c = m.group()
    replacement = _TRANSLATE_STR.get(c)
    if replacement is not None:
        return replacement
    return " " if "\ue000" <= c <= "\ue00f" or c >= "\U000f0000" else c


# ---------------------------------------------------------------------------------------------
# ---------------------------------------------------------------------------------------------
# Markup.
_CODE_BLOCK = re.compile(r"```.*?```", re.S)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# Markup is "<" + at most 500 characters + ">". A mention of a well-formed user id is told apart by the
# regex itself (group 1, the id), so the commonest markup costs no further tests; any other markup is
# group 2. Only the mention alternative can exceed 500 characters (a long label): `markup` leaves it as text.
_MARKUP = re.compile(r"<(?:@([A-Z0-9]{1,40})(?:\|[^<>\n]*)?>|([^<>\n]{0,500})>)")
_MARKUP_MAX = 502
_SHORTCODE = re.compile(r":([a-z0-9_+'-]{1,60}):(?::skin-tone-[2-6]:)?")
# "_" not between two letters or digits ("_thanks_" italics, not "thanks_email"). The "_" comes first so
# the engine can jump from one underscore to the next.
_EDGE_UNDERSCORE = re.compile(r"_(?:(?<![^\W_]_)|(?![^\W_]))")
# A case ending written after a mention is part of the name: Turkish "<@A>'e teşekkürler" (to A),
# "<@A>'ya", "<@A>'nin"; dropping it lets every rule see "<@A> teşekkürler". English possessives and
# contractions ("<@A>'s script", "<@A>'ll") are kept: other rules read them. After the space Slack puts after a
# mention it picks ("<@A> 'a teşekkürler", "<@A> 'e SKIP LOCKED dersi için") only a Turkish case ending is one.
_TR_CASE_ENDINGS = (
    "a|e|ya|ye|na|ne|ı|i|u|ü|yı|yi|yu|yü|ın|in|un|ün|nın|nin|nun|nün|da|de|ta|te|dan|den|tan|ten|la|le|yla|yle|"
    "ndan|nden|nda|nde|dır|dir"
)
_MENTION_SUFFIX = re.compile(rf"({M})(?:['’](?!(?:s|re|ve|ll|d|m)\b)[^\W\d_]{{1,4}}\b| ['’](?:{_TR_CASE_ENDINGS})\b)")


def _prepare(text: str) -> str:
    """The first steps of the normalisation, before the pre-filter: code and quoted lines are dropped
    (thanks inside them are someone else's words or code, so `send_thanks()` costs no more than
    chatter), and emoji and letters get the one spelling the vocabulary is written in — the pre-filter
    then sees the characters the scan will see (decomposed "dziękuję", "شُكراً" with its vowel marks)."""
    if "`" in text:
        text = _CODE_SPAN.sub(f" {CODE} ", _CODE_BLOCK.sub(f" {CODE} ", text))
    if "&gt;" in text:
        text = _drop_quotes(text)
    if not text.isascii():
        # One pass: thanks/sarcasm emoji become tokens, modifiers go, and the private-use characters
        # that stand for tokens are blanked (they cannot come from the user).
        text = _TRANSLATE_RE.sub(_translate_one, text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text


def _normalize(text: str) -> tuple[str, list[str]]:
    """Slack markup (in text already through `_prepare`) → plain text with one-character tokens;
    returns (text, mention ids by token)."""
    ids: list[str] = []
    index: dict[str, int] = {}

    def markup(m: re.Match[str]) -> str:
        uid = m.group(1)
        if uid is not None:
            if m.end() - m.start() > _MARKUP_MAX:
                return m.group()  # not markup: too long
            k = index.get(uid)
            if k is None:
                if len(ids) >= _MMAX:
                    return " "
                k = index[uid] = len(ids)
                ids.append(uid)
            return chr(_M0 + k)
        head, _, label = m.group(2).partition("|")
        if head.startswith("@"):
            return " "  # not a user id (those are group 1)
        if head.startswith("!"):
            if head.startswith(("!here", "!channel", "!everyone", "!subteam")):
                return GROUP
            return f" {label} " if label else " "  # <!date^…|fallback>
        if head.startswith("#"):
            return CHANNEL
        if label and not _maybe_thanks(label.lower()):
            return f" {label} "
        return f" {LINK} "

    if "<" in text:
        # a mention's closing ">" then a case ending: rare, so tested first
        suffixed = ">'" in text or ">’" in text or "> '" in text or "> ’" in text
        text = _MARKUP.sub(markup, text)
        if suffixed:
            text = _MENTION_SUFFIX.sub(r"\1", text)
    if ":" in text:
        text = _SHORTCODE.sub(_shortcode, text)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if "*" in text or "~" in text:
        text = _unmark(text)
    if "_" in text:
        text = _EDGE_UNDERSCORE.sub(" ", text)
    return text, ids


def _unmark(text: str) -> str:
    """Bold and strike marks as spaces; a mark next to a space goes without leaving a second one, so "*bows* to <@A>"
    reads "bows to <@A>" to the phrases."""
    return text.replace("* ", " ").replace("~ ", " ").replace("*", " ").replace("~", " ")


def _shortcode(m: re.Match[str]) -> str:
    name = m.group(1)
    if name in _THANKS_EMOJI:
        return f" {TYE} "
    if name in _SARC_EMOJI:
        return f" {SARC} "
    return f" {EMO} "


def _drop_quotes(text: str) -> str:
    """Remove `&gt;` quoted lines; `&gt;&gt;&gt;` quotes everything after it. A quote typed after a colon inside a
    line runs to the line's end ("quoting a courier: &gt; thank you for the new bonus but…"): Slack shows no quote
    there, but the words are someone else's all the same."""
    out = []
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("&gt;&gt;&gt;", ">>>")):
            break
        if not stripped.startswith(("&gt;", ">")):
            inline = _INLINE_QUOTE.search(line)
            out.append(line[: inline.start() + 1] if inline else line)
    return "\n".join(out)


_INLINE_QUOTE = re.compile(r":\s*&gt;")


# ---------------------------------------------------------------------------------------------
# The scan: one regex over the message finds every cue and every cancelling phrase. Python's regex
# engine tries alternatives one by one at each position, so the vocabulary is grouped by first
# character: at a given position only the phrases starting with that character are tried (the
# difference is ~10x on long chatter). Each phrase ends in an empty named group `kind__n`, so
# `m.lastgroup` says what matched. Within a first character the order is kept: cancelling phrases
# ("thanks in advance", "no thanks") are listed before the cues they contain ("thanks").
_E = r"(?![\w])(?![.\-/]\w)"  # end of a Latin word (not "cheers.io", "thanks-page")

_VOCAB: list[tuple[str, str]] = []

# The everyday thanks words of each supported Latin/Greek/Cyrillic-script language, for the small-talk
# phrases that contain them ("fine, thanks", "gracias, ¿y tú?"). Some of those phrases are built per word, split on
# "|": no word may hold an alternation of its own.
_THANKS_WORDS = (
    "thanks|thank you|thx|ty|merci|mersi|gracias|gr[àa]cies|grazas|obrigad[oa]|grazie|danke|dank je|bedankt|tack|dzi[eę]ki|dzi[eę]kuj[eę]|"
    "te[sş]ekk[uü]rler|sa[gğ] ?ol|спасибо|дякую|ευχαριστώ|ευχαριστω|terima kasih|makasih|c[aả]m [oơ]n|kiitos|kiitti|ait[äa]h|"
    "takk|tak|ef[xh]aristw|ef[xh]aristo|e[yu]xarist[wo]|sh[ou]kr[ae]n|d[íi]ky|[ďd]akujem"
)
# "and you?" asked back: English, Spanish, French, German, Portuguese, Italian, Dutch, Swedish, Polish,
# Turkish, Russian, Greek, Indonesian, Vietnamese.
_AND_YOU = (
    "(?:and |y |et |und |e |en |och |a |а |и |ve |και |kalau |còn )?"
    "(?:you|u|yourself|you guys|tú|tu|usted|ustedes|toi|vous|dir|du|ihnen|euch|você|voce|vc|jij|jullie|ty|pan|pani|"
    "sen|siz|ты|вы|у тебя|εσύ|εσυ|εσείς|kamu|anda|bạn|anh|chị|esy|esu|w ent[ai]|w int[ai])"
)


# "you too" / "same to you" returned with a thanks for a wish, in the same languages.
_YOU_TOO = (
    "(?:and )?(?:you|u|ya|yourself) too|same to (?:you|u|ya)|likewise|igualmente|(?:y )?(?:tú|tu|usted) tambi[eé]n|"
    "(?:à )?(?:toi|vous) aussi|pareillement|de m[eê]me|gleichfalls|ebenfalls|(?:dir|ihnen|euch) auch|"
    "(?:pra|para) (?:você|voce|vc|ti) tamb[eé]m|(?:você|voce|vc) tamb[eé]m|anche a (?:te|voi|lei)|altrettanto|"
    "(?:jij|jou|u) ook|insgelijks|detsamma|(?:du|dig) också|nawzajem|wzajemnie|(?:sana|size) de|"
    "(?:и )?(?:тебе|вам) того же|(?:и )?(?:тебе|вам)|взаимно|επίσης|kamu juga|anda juga|(?:bạn|anh|chị) cũng vậy"
)


# The thanks after "fine" / "all good" in small talk — not one aimed at someone or for something: "all good. thanks
# <@A> for the quick fix" thanks A.
# (in every language a "fine, thanks" is said in: "<@A> alles gut, danke fürs schnelle Revert!" thanks A)
_NOT_FOR_SOMETHING = f"(?!(?: ?{M})* (?:for|fürs|für|por|pour|per|pel|pels|voor|för|pelo|pela|za|за)\\b)"
_SMALLTALK_THANKS = f"[,!.]? (?:thanks|thank you|thx|ty){_NOT_FOR_SOMETHING}"
# What made one ill, said after "better, thanks": "much better, thanks! Just a cold"
_ILLNESS_AFTER = (
    "just a (?:cold|bug|flu|headache|migraine|virus)|just tired|still (?:a bit )?(?:sick|tired|coughing)|"
    "on the mend|getting there|recovering"
)


def _words(kind: str, *phrases: str, guard_end: bool = True) -> None:
    for phrase in phrases:
        _VOCAB.append((kind, phrase + (_E if guard_end else "")))


def _typos(*words: str) -> tuple[str, ...]:
    """The slips of a fast typist in each word: two neighbouring letters swapped ("graize", "gracais", "dnake") and,
    in a word of six letters or more, one inner letter left out ("grcias", "obrgada", "teşekürler") — never the first
    letter, whose slips are rare and make other words. Slips that are words themselves ("tanks", "meric") are not
    read as thanks."""
    found: dict[str, None] = {}
    for word in words:
        for i in range(1, len(word) - 1):
            found[word[:i] + word[i + 1] + word[i] + word[i + 2 :]] = None
            if len(word) >= 6:
                found[word[:i] + word[i + 1 :]] = None
    return tuple(slip for slip in found if slip not in words and slip not in _REAL_WORD_SLIPS)


_REAL_WORD_SLIPS = frozenset(["tanks", "meric", "daken", "graze", "dziki"])


def _product(*parts: tuple[str, ...]) -> tuple[str, ...]:
    out = [""]
    for part in parts:
        out = [a + b for a in out for b in part]
    return tuple(out)


# Debts that are gratitude ("I owe you one / a beer / big time") against owed work ("I owe you the
# numbers / a review"): after "owe you", a determiner starts a task unless a treat or favour follows.
# What could not have been done without someone: "couldn't have done it / got here / pulled it off without you"
_DONE_IT = (
    "(?:(?:done|made|pulled off|finished|shipped|closed) (?:it|this|that|any of (?:it|this))(?: all)?"
    "|got(?:ten)? (?:here|there|this far|it done)|made it|pulled (?:it|this|that) off)"
)
_OWED_YOU = "(?:you|u|ya|ye|y'all)(?: guys| both| all| two)?"  # (Irish "I owe ye big time")
_DEBT = (
    "(?:one|big(?: time)?|(?:so|very) much|a lot|a ton|everything|the world|my (?:life|sanity|job|weekend|career)|"
    "(?:an? |one |another |some |the |several |a few |a couple of |a couple |two |three )?"
    "(?:(?:very |really |super )?(?:big|huge|massive|large|cold|nice|fancy|proper|good|real|free|whole) )?"
    "(?:beer|coffee|drink|pint|lunch|dinner|round|cookie|pizza|donut|doughnut|cake|tea|whiske?y|favou?r|bottle|"
    "thank[- ]?you|thanks|debt of gratitude|shout[- ]?out|hug|high[- ]five|bagel|muffin|snack|treat|candy|"
    "chocolate|taco|sushi|breakfast|brunch|meal|chai|samosa|one"
    # a treat named the local way, after any word ("a Paradise biryani", "a kopi", "suya", "a flat white")
    "|(?:[\\w']+ )?(?:biryani|kopi|croissant|suya|boba|bubble tea|milk tea|ramen|pho|burrito|kebab|doner|baklava|"
    "churros?|empanadas?|gelato|ice cream|wine|cocktail|latte|cappuccino|espresso|flat white|cheesecake|pie|"
    "cupcake|brownie|burger|bbq|dumplings?|momos?|jollof|poutine|timbits|pastry|pastries|cinnamon roll|stroopwafel|"
    "pastel de nata|nata|tim ?tams?|lamington|bao|dim sum|kimbap|tteokbokki|onigiri|mochi|falafel|shawarma|"
    "kunafa|knafeh|chapati|vada pav|jalebi|ladoo|laddoo|roti|arepa|tamales?|pupusa|pierogi|pączki|croquetas?|"
    "filter coffee|filter kaapi|kaapi|masala chai|cutting chai)"
    ")s?(?: of [\\w']+)?)"
)
# What the author was spared, later in the line: "…, that would've been a disaster", "would have taken us an hour",
# "saved me hours", "ugly otherwise".
_SPARED = (
    "(?=[^\\n]{0,200}?\\b(?:would(?:'ve|’ve| have|ve)|could(?:'ve|’ve| have) been|saved (?:me|us|my|our)|otherwise)\\b)"
)
_TASK_DETERMINER = (
    r"(?:the|that|this|those|these|your|some|an?|another|two|three|four|five|a few|a couple|several|\d+|nothing|no)\b"
)

_words(
    "nothx",
    "thanks,? but no thanks",
    "thanks?,? but (?:i|we)(?:'ve| have)? (?:already|just|got)",  # (and "Thanks, but I've got a client lunch today")
    "thanks,? but no need",
    "thanks?,? but (?:i|we)(?:'ve| have| had)? (?:decided|ended up|went|chose|will|are going|found)",
    # "<@A> ah thanks but I can't tonight, hockey practice with my kid"
    "thanks?,? but (?:i|we) (?:can'?t|cannot|won'?t be able|am busy|'m busy|am out|'m out)",
    "thanks?,? but (?:i'm|i am|we're|we are) (?:busy|out|away|off)",
    "no thanks? (?:needed|necessary|required)",
    "no,? thank(?:s|[- ]?you|[- ]?u)",
    "no thx",
    # thanks to someone unknown, not to the people named before: "per <@A>'s review … Also ta to whoever refilled the
    # biscuit tin, I see you" (not when the one meant is named after: "thanks to whoever wrote it … git blame says <@A>")
    *_product(("thanks", "thank you", "ta", "cheers", "thx", "ty"), (f" to whoever(?![^\\n]*{M})",)),
    # Australian "nah I'm right, thanks" (no need, I'm fine): "<@A> nah I'm right thanks, had a big brekkie"
    *_product(
        ("nah", "no"),
        (
            ",? (?:i'm|im|i am|we're|were|we are) (?:right|good|fine|sweet|all good)(?: mate)?[,!.]? (?:thanks|ta|thx|cheers)",
        ),
    ),
    # an offer declined, thanked for all the same: "nah, thread is enough, thanks though", "nope, all good, ty though"
    *_product(("nah", "nope", "no,"), ("[,!.]?(?: [^.!?\\n]{0,50}?)?[,!.]? (?:thanks|thank you|thx|ty) though",)),
    "no need to thank",
    # "Abeg no thank me again for Termii" (Nigerian Pidgin), "Safari deserves zero thanks"
    "no (?:dey )?thank me",
    "deserves? (?:zero|no) thanks",
    "no need for (?:the )?thanks",
    # not "don't thank me, thank <@A>": that passes the thanks on (a "noop" below consumes the refusal)
    "don'?t thank (?:me|us)(?! ?[,;:—–-]? thank)",
    "dont thank (?:me|us)(?! ?[,;:—–-]? thank)",
    "do not thank (?:me|us)(?! ?[,;:—–-]? thank)",
    "nothing to thank",
    # The same refusal in every supported language, with each of its thanks words: "nein danke", "nee,
    # dank je", "nie, dzięki", "yok sağ ol", "не, спасибо", "όχι, ευχαριστώ", "gak, makasih", "không, cảm ơn".
    *_product(("nein", "ne", "nee"), (",? danke",)),
    # "<@A> heute nicht, danke. Bin im Release-Stress" (not today, thanks)
    *_product(("heute", "jetzt", "gerade", "momentan", "diesmal", "lieber"), (" nicht,? danke",)),
    "no,? (?:muchas )?gracias",
    "non,? merci",
    "n[ãa]o,? (?:obrigad[oa]|valeu)",
    "no,? grazie",
    "nee,? (?:bedankt|dank (?:je|u)(?: wel)?|dankjewel|dankuwel)",
    "nej,? tack",
    "nee,? dankie",  # Afrikaans
    "dim diolch",  # Welsh: "dim diolch, I've got a 6am parkrun tomorrow" (no thanks)
    "paldies,? bet",  # Latvian: "paldies, bet man vairs nevajag" (thanks, but I no longer need it)
    "a[čc]i[ūu],? bet",  # Lithuanian
    "hapana,? asante",  # Swahili
    # Czech and Slovak: "já dneska ne, díky", "nie, ďakujem"
    "ne,? d[íi]ky",
    "kerak emas,? rahmat",  # Uzbek: "Kerak emas, rahmat, o'zim uddalayman" (no need, thanks, I'll manage)
    "n[íi]l,? go raibh maith agat",  # Irish: "níl, go raibh maith agat, I brought a lunch" (no, thank you)
    "yo paso,? (?:gracias|mil gracias)",  # "yo paso, gracias! traje tupper" (I'll pass)
    # Sundanese "abdi mah henteu, nuhun" (not for me, thanks)
    "henteu,? (?:hatur )?nuhun",
    "nie,? [ďd]akujem",
    # Levantine and Egyptian Arabic in Latin letters: "la2 shukran", "la shokran ana diet", "shukran bas ma ba7taj" (thanks
    # but I don't need it)
    "la2?,? sh[ou]kr[ae]n",
    "la2,? (?:merci|mersi)",  # "<@A> la2 merci, ana 3amla diet"
    "nee,? merci",  # Flemish: "nee merci <@A>, 'k heb mijn boterhammen mee"
    "ef[xh]arist(?:w|o),? alla",  # Greeklish "efxaristw alla den xreiazetai" (thanks, but no need)
    "sh[ou]kr[ae]n,? bas",
    # an invitation declined: "shukran ya basha 3ala el da3wa bas mesh ha2dar aigi" (thanks for the invite, but…)
    "sh[ou]kr[ae]n[^.!?\\n]{0,30}da3wa,? bas",
    # German "thanks though", after a no: "Donnerstag geht bei mir nicht, danke aber!"
    "nicht,? danke aber",
    # "I'll pass on the margaritas, thanks", "we'll pass, thanks", "I'll pass today, thanks though!"
    *_product(
        ("i'll", "i will", "we'll", "we will"),
        (
            " pass(?: on [^,.!?\\n]{1,40})?(?: (?:today|tonight|this time|for now|this week|on this one))?[,.!]? "
            "(?:thanks|thank you|thx|ty)",
        ),
    ),
    # Finnish and Estonian: "ei kiitos", "kiitos, ei tarvitse", "ei, aitäh"
    "ei,? kiit(?:os|ti)",
    "kiitos,? ei tarvitse",
    "kiitti,? ei tarvitse",
    "ei,? ait[äa]h",
    "nei,? takk",
    "nie,? (?:dzi[eę]kuj[eę]|dzi[eę]ki)",
    *_product(("hay[ıi]r", "yok"), (",? (?:te[sş]ekk[uü]rler|te[sş]ekk[uü]r ederim|sa[gğ] ?ol(?:un)?)",)),
    # "çok iyi olur ama teşekkürler, şimdilik gerek yok" (that would be great, but thanks, no need for now)
    "ama te[sş]ekk[uü]rler(?=[,\\s]+(?:[şs]imdilik )?(?:gerek yok|gerek kalmad[ıi]|istemiyorum))",
    # "bu hafta yokum sağ ol" (I'm out this week), "ben diyetteyim sağ ol" (I'm on a diet), "gelemem, teşekkürler"
    *_product(
        ("yokum", "diyetteyim", "gelemem", "gelemiyorum", "katılamam", "katılamıyorum", "geçeyim", "pas geçiyorum"),
        (",? (?:te[sş]ekk[uü]rler|te[sş]ekk[uü]r ederim|sa[gğ] ?ol(?:un)?)",),
    ),
    *_product(("нет", "не"), (",? спасибо",)),
    *_product(("όχι", "οχι"), (",? (?:για μένα,? |για μενα,? )?ευχαριστ(?:ώ|ω)",)),
    # Greeklish: "oxi gia mena eyxaristw, exw fagito apo spiti" (not for me, thanks)
    "oxi,? (?:gia mena,? )?(?:ef[xh]|e[yu]x)arist(?:w|o)",
    # Czech "Díky <@A> ale ne, fakt nepotřebuju pomoc" (thanks, but no)
    f"d[íi]ky(?: ?{M})*,? ale ne",
    *_product(("tidak", "nggak", "ngga", "gak", "ga", "enggak"), (",? (?:terima kasih|makasih|trims)",)),
    # Malay "tak nak, terima kasih <@A>" (I don't want any, thanks)
    "tak nak,? (?:terima kasih|tq|thanks|thank you)",
    "kh[ôo]ng,? (?:c[aảá]m [oơ]n|cam on)",
    "nu,? (?:mul[tțţ]umesc|mersi)",
    "no,? gr[àa]cies",
    "hindi na,? salamat",  # Tagalog
    "ayaw na lang(?: ko)?,? salamat",  # Cebuano: "Ayaw na lang ko, salamat. Naa mi lakaw sa pamilya"
    # Vietnamese "no need to thank": "ko có gì em, khỏi cảm ơn :v"; Hebrew, an invitation thanked for, then "but": "תודה
    # על ההזמנה לפאנל, אבל לא תודה — אני בחופש"
    "kh[ỏo]i c[aảá]m [oơ]n",
    "תודה על ההזמנה(?=[^.!?\\n]{0,80}אבל)",
    *_product(("wag", "huwag"), (" na,? salamat",)),  # (and "wag na, salamat, naka-3 cups na ako": no need)
    "th[ôo]i kh[ỏo]i(?: em| anh| chị)?,? c[aảá]m [oơ]n",  # Vietnamese
    # "thôi cảm ơn Mai", "thôi em ơi cảm ơn, bánh nhiều lắm rồi" (no thanks, there's plenty)
    "th[ôo]i(?: em| anh| chị| bạn)?(?: [oơ]i)?,? c[aảá]m [oơ]n",
    # Indonesian "gak dulu deh, makasih" (not now), "thanks, tapi aku skip minggu ini" (thanks, but I'll skip)
    *_product(("gak", "ga", "nggak", "enggak"), (" dulu(?: deh| ya)?,? (?:makasih|terima kasih|trims|thanks)",)),
    "thanks,? tapi",
    # Swiss German "Nei danke", Spanish "gracias igual" / "gracias de todas formas" (thanks anyway: a decline)
    "nei,? danke",
    "gracias (?:igual|de todas formas|de todos modos|de todas maneras)",
    "non,? grazas",
    "ні,? дякую",
    # Hinglish: "nahi yaar, thanks", "nahin ji, shukriya"
    *_product(("nahi", "nahin", "nai"), ("(?: yaar| yar| ji| bhai)?,? (?:thanks|thank you|thx|shukriya|dhanyavaa?d)",)),
    "не за что",
    "note to self",  # "Note to self <@A>: thank <@B> in the acknowledgments" (a to-do)
    *_product(
        ("thanks", "thank you"), (" mat bol(?:o|na)?",)
    ),  # Hinglish "don't say thanks": "arre thanks mat bolo yaar"
    # Hinglish "no need to say thanks" / "thanks for what": "thank you bolne ki zaroorat nahi", "dhanyavaad kis baat ka"
    *_product(
        ("thank you", "thanks", "thanku", "dhanyavaad", "dhanyavad", "shukriya"),
        # (and "shukriya ki zaroorat nahi": no need for thanks)
        (" (?:(?:bolne|kehne|karne) )?ki (?:zaroorat|zarurat|jarurat|jaroorat) nahi", " kis baat ka"),
    ),
    # …in Telugu and Kannada: "thanks cheppakkarledu ra" (no need to say thanks), "thanks yaake madam" (why thanks?)
    *_product(
        ("thank you", "thanks", "thanku"),
        (" cheppakkarledu", " cheppakkarle", " cheppanakkarledu", " yaake", " yake", " enduku"),
    ),
    "ne,? a[čc]i[ūu]",  # Lithuanian "no, thanks"
    # an invitation declined: "hoje não, tô com 1:1. mas valeu pelo convite!", "yo paso, pero gracias por invitar"
    *_product(
        ("but", "mas", "pero", "mais", "aber", "ma"),
        (" (?:thanks|thank you|thx|valeu|obrigad[oa]|gracias|merci|danke|grazie)",),
        (
            " for (?:the |your )?(?:invite|invitation)",
            " for inviting me",
            " pelo convite",
            " por (?:la invitación|la invitacion|invitar(?:me)?)",
            " pour l'invitation",
            " für die einladung",
            " per l'invito",
        ),
    ),
)
# Thanks quoted, reported or passed on, not said: "ありがとうって二人とも言ってた?", "ありがとうと伝えてください", "跟他说谢谢了吗",
# "고맙다고 전해 주세요".
_words(
    "noop",
    *_product(("ありがとう", "ありがとうございます", "ありがと"), ("って",)),
    *_product(("ありがとう", "ありがとうございます", "ありがと"), ("と",), ("言", "伝", "いう", "いっ", "お伝え")),
    *_product(("说", "說"), ("", "声", "聲", "一声", "一聲"), ("谢谢", "謝謝")),
    "道谢",
    "道謝",
    "고맙다고",
    "감사하다고",
    "감사하다는",
    guard_end=False,
)
_words(
    "nothx",
    "不用谢",
    # Cantonese "唔使多謝" (no need to thank), a declined offer "不了谢谢" (no, thanks), Turkish "ben almayayım teşekkürler"
    # (I'll pass, thanks)
    "唔使(?:多謝|多谢|客氣|客气)",
    "唔使(?:喇|啦|嘞)?[，,\\s]*(?:多謝|多谢)",  # "唔使喇，多謝，差唔多搞掂" (no need, thanks, nearly done)
    "არა,? მადლობა",  # Georgian: "<@A> არა, მადლობა, უკვე დავლიე" (no thanks, I've had one)
    "不了[，,\\s]*(?:谢谢|謝謝)",
    "almayay[ıi]m,? (?:te[sş]ekk|sa[gğ] ?ol)",
    "不用了",
    "不客气",
    "不客氣",
    "不用謝",
    "いえ、結構です",
    # "今日は結構です、ありがとう", "마음만 받을게요, 고마워요" (I'll take just the thought): a polite no
    "結構です[、,]?\\s*ありがとう",
    "마음만 받을게요",
    # "ㅋㅋ 고맙지만 사양할게~" (thanks, but I'll pass)
    # …and "오 고맙지만 괜찮아요" (thanks, but I'm fine)
    *_product(("고맙지만", "감사하지만", "감사하지만요"), (" 사양", " 괜찮")),
    "마음만 받을게",
    "大丈夫です、ありがとう",
    "괜찮아요, 감사합니다",
    "괜찮습니다, 감사합니다",
    "नहीं,? धन्यवाद",
    "नको,? धन्यवाद",  # Marathi
    # Japanese "今回はパスで。ありがとね" (I'll pass this time), Korean "고맙긴 뭘" / "감사하긴요" (what's there to thank)
    "パス(?:で|します)[。、！!\\s]*ありがと",
    # Kansai: "今日はやめとくわ、ありがとう", "今日はええわ、ありがとう" (I'll pass today, thanks)
    "やめとく(?:わ)?[。、,！!\\s]*ありがと",
    "ええわ[。、,！!\\s]*ありがと",
    "고맙긴",
    "고마워할 필요 없",  # "고마워할 필요 없어요~" (no need to thank me)
    "감사할 필요 없",
    "감사하긴요",
    "لا،? شكرا",
    "לא,? תודה",
    "ไม่เป็นไร(?:ครับ|ค่ะ)? ?ขอบคุณ",
    # no need to thank: Thai "ไม่ต้องขอบคุณค่ะ"; a decline: Japanese "大丈夫、自分でやります！ありがとう〜" (I'll do it
    # myself), Chinese "谢谢好意哈，但还是算了" (thanks for the kind thought, but no)
    "ไม่ต้องขอบคุณ",
    "自分でやります[！!。、\\s]*ありがと",
    *_product(("谢谢", "謝謝"), ("(?:你的|您的)?好意[^。！!\\n]{0,6}(?:但|不过|不過)",)),
    guard_end=False,
)
_words(
    "tia",
    "tia",
    "thanks? in adv(?:ance)?",
    "thx in adv(?:ance)?",
    "in advance",
    "ahead of time",
    "in anticipation",
    "beforehand",
    "advance thanks",
    "thanks? for any",
    "any (?:help|pointers|advice|input|ideas|suggestions|thoughts|feedback|assistance|insight)s?"
    "(?: (?:is|are|would be|will be))?(?: much| greatly| really| very much)? appreciated",
    *_product(("would", "will"), (" be ",), ("", "much ", "greatly ", "really ", "very "), ("appreciated",)),
    *_product(
        ("would", "i'd", "id", "we'd", "will", "i'll"),
        (" ",),
        ("", "really ", "greatly ", "much ", "very much ", "so much "),
        ("appreciate",),
    ),
    "appreciated? (?:it )?if",
    # review asked for: "<@A> <@B> reviews appreciated, no rush — Monday is fine", "feedback appreciated!"
    *_product(("review", "reviews", "feedback", "eyes", "thoughts", "input"), (" (?:(?:much|greatly) )?appreciated",)),
    # Gratitude promised for a reply or a favour not yet done is a request, in every language: "I'd be
    # grateful for a quick answer", "będę wdzięczna za…", "te agradecería…", "ich wäre dankbar…".
    *_product(
        ("i'd", "id", "i would", "i'll", "i will", "we'd", "we would", "would"),
        (
            " (?:be|feel) (?:(?:very|really|so|most|forever|eternally|super|extremely|incredibly|hugely|truly|immensely) )?"
            "(?:grateful|thankful)",
        ),
    ),
    "b[eę]d[eę] (?:bardzo )?wdzi[eę]czn[ya]",
    "by[lł](?:bym|abym|ibyśmy) (?:bardzo )?wdzi[eę]czn[ya]",
    "agradecer[ií]a(?:mos)?",
    "ficar(?:ia|ei|íamos) (?:muito )?grat[oa]s?",
    *_product(("wäre", "ware", "waere", "würde", "wurde"), (" (?:ich |wir )?(?:ihnen |dir |euch )?(?:sehr )?dankbar",)),
    *_product(("serais", "serait", "serai", "serions"), (" (?:tr[èe]s )?reconnaissante?s?",)),
    "sarei (?:molto )?grat[oa]",
    "zou (?:ik )?(?:het )?(?:erg )?(?:waarderen|dankbaar)",
    "skulle (?:vara )?(?:mycket )?tacksam",
    *_product(("memnun", "minnettar"), (" olurum",)),
    *_product(("буду", "был бы", "была бы", "будем"), (" (?:очень )?благодар(?:ен|на|ны)",)),
    "θα (?:ήμουν|ημουν) ευγνώμων",
    "de antemano",
    "por adelantado",
    "per endavant",  # Catalan: "Gràcies per endavant!"
    "d'avance",
    "par avance",
    "im voraus",
    "vorab",
    "desde j[áa]",
    "antecipadamente",
    "antecipad[oa]",  # "valeu antecipado!", "obrigada antecipada"
    "in anticipo",
    "anticipatamente",
    "alvast",
    "bij voorbaat",
    "på förhand",
    "z g[óo]ry",
    # Czech and Slovak "díky předem", Swedish "tack i förväg", Norwegian "takk på forhånd", Greek "ευχαριστώ εκ των
    # προτέρων"
    "p[řr]edem",
    "vopred",
    "i förväg",
    "på forhånd",
    "etuk[äa]teen",  # Finnish: "Kiitos etukäteen <@A> järjestelyistä!"
    "sateuacanna",  # Sundanese: "Hatur nuhun sateuacanna 🙏" (thanks in advance)
    "εκ των προτέρων",
    "εκ των προτερων",
    # (next to a thanks: alone it is also "already", "talep sayısı şimdiden düşüyor" — the requests are already dropping)
    "[sş]imdiden(?= (?:[çc]ok )?(?:te[sş]ekk|sa[gğ] ?ol|t[sş]k|eyv|eline|ellerine))",
    *_product(("te[sş]ekk[üu]rler", "te[sş]ekk[üu]r ederim", "sa[gğ] ?ol", "t[sş]k", "tesekkurler"), (" [sş]imdiden",)),
    "заранее(?<!л заранее)(?<!ла заранее)(?<!ли заранее)(?<!ло заранее)",  # not "предупредил заранее" (warned ahead)
    "заздалегідь",
    # "I'll be grateful": "<@A> буду вдячний, скину за годину", "буду благодарна"
    "буду вдячн(?:ий|а|і)",
    "буду благодар(?:ен|на|ны)",
    "de antemán",
    # next to a thanks: alone it is "before" ("latency 8ms vs 140ms sebelumnya", 140 ms before)
    "sebelumnya(?:(?<=kasih sebelumnya)|(?<=banyak sebelumnya)|(?<=thanks sebelumnya)|(?<=thx sebelumnya)"
    "|(?<=tq sebelumnya)|(?<=trims sebelumnya)|(?= (?:terima kasih|makasih|trims|thanks|thx|tq)\\b))",
    "εκ των προτέρων",
    "προκαταβολικά",
    "proka(?:8|th|t)(?:a|o)(?:b|v)olika",  # Greeklish: "efxaristw proka8abolika <@A>, 8a xreiastw access"
    "ơn trước",
    # The cue "cảm ơn" would consume "ơn" before "ơn trước" is seen: the whole phrase, listed first.
    "c[aảá]m [oơ]n trước",
    "c[aảá]m [oơ]n (?:anh|chị|em|bạn|mọi người) trước",  # "cảm ơn anh trước" (thanks in advance, brother)
    f"c[aảá]m [oơ]n(?: (?:anh|chị|em|bạn))? ?{M} trước",  # "cảm ơn <@A> trước nhé"
    "anticipat",  # Romanian "mulțumesc anticipat"
    "cam on truoc",
    # A debt promised on a condition is a request: "I'll owe you one if you can get this in today".
    *_product(
        ("i'll ", "ill ", "i will ", "i'd ", "id ", "i would ", "i owe ", "owe "), ("(?:you|u|ya)(?: [\\w']+){0,4} if",)
    ),
)
# A thanks that declines, in every supported language: "gracias pero no, ya tengo…", "teşekkürler ama gerek
# yok", "merci, mais pas besoin", "danke, aber wir haben schon…", "谢谢，但是不用了", "ありがとう、でも大丈夫です".
# Each phrase starts with the thanks word itself, so the scan tries it only where a thanks word stands, before
# the shorter cue: no cost per cue and none for messages without thanks.
_DECLINE = (
    r"(?:no(?:pe)?(?=\s*(?:[,.!;:—–\-…]|$))|not (?:needed|necessary|required|now|interested)|no need|"
    r"(?:i|we)(?:'m|'re| am| are) (?:good|fine|set|covered)|(?:i|we) (?:don'?t|do not) need|i'?ll pass|"
    # keeping what one has or waiting: "thanks but I'll keep my current one until…", "gracias, pero me quedo con…"
    r"(?:i|we)(?:'ll| will) (?:keep|stick with|stay with|hold off|wait|pass)|(?:i|we)(?:'d| would) rather|"
    r"maybe (?:next time|another time)|not this time|пока нет|пока не надо|"
    # no time to take it on: "thanks but I'm heads-down on onboarding, next week?"
    r"(?:i|we)(?:'m|'re| am| are) (?:(?:a bit|really|pretty|super|totally|completely|too) )?(?:heads[- ]down|swamped|"
    r"slammed|buried|underwater|maxed out|at capacity|booked|tied up|snowed under|busy)|no (?:bandwidth|capacity)|"
    r"(?:estoy|estamos) (?:a tope|hasta arriba|liad[oa]s?|(?:muy )?ocupad[oa]s?)|"
    r"(?:je suis|on est) (?:d[ée]bord[ée]e?|sous l'eau|overbook[ée]e?)|"
    r"(?:ich bin|wir sind) (?:gerade )?(?:voll|ausgelastet|dicht|land unter)|"
    r"(?:estou|estamos) (?:atolad[oa]s?|sem tempo|(?:muito )?ocupad[oa]s?)|"
    r"ya (?:tengo|tenemos|lo tengo|está|esta)|no hace falta|no es necesario|no lo necesito|"
    r"me quedo con|prefiero (?:esperar|quedarme|seguir)|mejor (?:no\b|espero)|"
    r"pas besoin|pas n[ée]cessaire|(?:j'ai|on a|nous avons) d[ée]j[àa]|[çc]a ira|c'est bon|"
    r"je (?:garde|vais garder|préfère attendre|passe mon tour)|"
    r"nein\b|nicht n[öo]tig|kein bedarf|(?:ich )?(?:habe|hab) (?:schon|bereits)|wir haben (?:schon|bereits)|"
    r"brauch(?:e|en)? (?:ich |wir )?nicht|ich (?:behalte|bleibe bei|warte)|lieber nicht|"
    # (not "you shouldn't have", a thanks: "grazie ma non dovevate", "obrigada, mas não precisava")
    r"n[ãa]o\b(?! precisava)|j[áa] (?:tenho|temos)|(?:vou ficar|fico) com|prefiro (?:esperar|ficar|manter)|"
    r"non\b(?! dovev| (?:era|c'era) (?:necessario|bisogno))|non (?:serve|c'[èe] bisogno|mi serve|ci serve)|(?:ho|abbiamo) gi[àa]|(?:tengo|preferisco tenere) (?:il|la|quello)|"
    r"nee\b|niet nodig|hoeft niet|(?:ik heb|we hebben|wij hebben) al\b|ik (?:houd|hou|blijf bij|wacht)|liever niet|"
    r"nej\b|beh[öo]vs inte|(?:jag|vi) har redan|jag (?:behåller|väntar)|"
    r"nie\b|nie trzeba|ju[żz] (?:mam|mamy)|(?:zostanę|zostaję) przy|wolę (?:zostać|poczekać)|poczekam|"
    r"gerek yok|hay[ıi]r\b|zaten|istemiyorum|kalsın|bekleyeyim|"
    r"нет\b|не нужно|не надо|у (?:меня|нас) уже|я (?:оставлю|подожду)|"
    r"όχι|οχι|δεν χρειάζεται|έχω ήδη|"
    r"tidak\b|nggak\b|gak\b|ga usah|gak usah|(?:tidak|nggak|gak|ga) perlu|(?:sudah|udah) ada|(?:nanti|lain kali) (?:saja|aja)|"
    r"kh[ôo]ng\b|kh[ôo]ng c[ầa]n|để (?:lần sau|sau)|"
    r"nu\b|nu (?:e|este|am) nevoie|(?:am|avem) deja|"
    r"नहीं|ज़?जरूरत नहीं|ज़रूरत नहीं|"
    r"لا\b|لا حاجة|لست بحاجة|"
    r"לא\b|אין צורך|כבר יש לי|"
    r"ไม่|"
    r"不用|不需要|不必|已经有|我已经|"
    r"大丈夫|結構|いらない|要らない|必要ない|もうあ|"
    r"괜찮|필요 ?없|이미 있)"
)
_DECLINING = (
    (("thanks", "thank you", "thx", "ty"), ("but",)),
    (("gracias", "muchas gracias"), ("pero",)),
    (("merci", "merci beaucoup"), ("mais",)),
    (("danke", "vielen dank", "danke dir", "danke euch"), ("aber",)),
    (("obrigado", "obrigada", "valeu"), ("mas", "mais")),
    (("grazie", "grazie mille"), ("ma", "però", "pero")),
    (("bedankt", "dank je", "dank je wel", "dankjewel", "dank u", "dankuwel"), ("maar",)),
    (("tack", "tack så mycket"), ("men",)),
    (("dzięki", "dzieki", "dziękuję", "dziekuje"), ("ale",)),
    (
        ("teşekkürler", "tesekkurler", "teşekkür ederim", "tesekkur ederim", "sağol", "sağ ol", "sagol"),
        ("ama", "fakat", "ancak"),
    ),
    (("спасибо", "спасибо большое"), ("но",)),
    (("ευχαριστώ", "ευχαριστω", "ευχαριστώ πολύ"), ("αλλά", "αλλα")),
    (("terima kasih", "makasih", "trims"), ("tapi", "namun")),
    (("cảm ơn", "cám ơn", "cam on"), ("nhưng", "nhung")),
    (("mulțumesc", "multumesc", "mulţumesc", "mersi"), ("dar",)),
    (("धन्यवाद", "शुक्रिया"), ("लेकिन", "पर")),
    (("شكرا", "شكراً"), ("لكن", "ولكن")),
    (("תודה", "תודה רבה"), ("אבל",)),
)
_DECLINING_NOSPACE = (
    (("ขอบคุณ", "ขอบคุณครับ", "ขอบคุณค่ะ"), ("แต่",)),
    (("谢谢", "谢谢你", "谢谢您", "謝謝", "謝謝你"), ("但是", "但", "不过", "不過")),
    (("ありがとう", "ありがとうございます"), ("でも", "けど")),
    (("감사합니다", "감사해요", "고마워요", "고마워"), ("하지만", "근데", "그런데")),
)


def _declining(thanks_word: str, buts: tuple[str, ...], seps: tuple[str, ...], after_but: str) -> str:
    """One phrase per thanks word, its separators and "but" words a group in its tail: _DECLINE (2,300
    characters) is then written once per thanks word, not once per thanks word, separator and "but" (405 times in
    the Latin scan, where it made 80% of a 1.2-million-character regex and compiling it took seconds). Listed
    before the cues, it is still tried before the thanks word alone."""
    return re.escape(thanks_word) + "(?:" + "|".join(re.escape(sep + b) for b in buts for sep in seps) + ")" + after_but


_words(
    "nothx",
    *(
        _declining(t, bs, (" ", ", ", "! ", " - ", " — "), rf"(?![\w])[\s,，、]*(?:{_DECLINE})")
        for ts, bs in _DECLINING
        for t in ts
    ),
    *(
        _declining(t, bs, ("", " ", "，", "、", ", ", "。", "！"), rf"[\s,，、]*(?:{_DECLINE})")
        for ts, bs in _DECLINING_NOSPACE
        for t in ts
    ),
    # the refusal before the thanks: "Nope, thanks — we already have…", "nah thanks", "nggak usah, makasih bang",
    # "no hace falta, gracias", "pas besoin, merci", "nicht nötig, danke", "não precisa, obrigado", "не нужно, спасибо"
    *_product(("nope", "nah", "naw", "no need"), ("[\\s,.!…—–\\-]*(?:thanks?|thank you|thx|ty)(?![\\w])",)),
    *_product(
        ("nggak", "ngga", "gak", "ga", "tidak", "enggak", "ndak", "nda"),
        (" (?:usah|perlu)(?: pak| bu| mas| mbak| bang| kak)?[\\s,.!…—–\\-]*(?:terima kasih|makasih|trims)",),
    ),
    *_product(("no hace falta", "no es necesario"), ("[\\s,.!…—–\\-]*(?:muchas )?gracias",)),
    # "no hace falta parce, pero muy amable" (no need, but kind of you)
    *_product(("no hace falta", "no es necesario"), ("[^.!?\\n]{0,20}?muy amable",)),
    "pas besoin[\\s,.!…—–\\-]*merci",
    *_product(("nicht nötig", "passt schon"), ("[\\s,.!…—–\\-]*danke",)),
    "n[ãa]o precisa[\\s,.!…—–\\-]*(?:obrigad[oa]|valeu)",
    "non serve[\\s,.!…—–\\-]*grazie",
    # "non c'è bisogno di ringraziare, lo meriti tutto" (no need to thank)
    "non c['’]è bisogno di ringraziar(?:e|mi|ci)",
    *_product(("niet nodig", "hoeft niet"), ("[\\s,.!…—–\\-]*(?:bedankt|dank je)",)),
    "behövs inte[\\s,.!…—–\\-]*tack",
    "nie trzeba[\\s,.!…—–\\-]*dzi[eę]k(?:i|uj[eę])",
    "gerek yok[\\s,.!…—–\\-]*(?:te[sş]ekk[uü]rler|sa[gğ] ?ol)",
    *_product(("не нужно", "не надо"), ("[\\s,.!…—–\\-]*спасибо",)),
    "спасибо[\\s,.!…—–\\-]*(?:не нужно|не надо|не стоит)",
    "kh[ôo]ng c[ầa]n(?: đâu)?[\\s,.!…—–\\-]*c[aảá]m [oơ]n",
    "δεν χρειάζεται[\\s,.!…—–\\-]*ευχαριστ(?:ώ|ω)",
    # Vietnamese "ko cần cảm ơn đâu" (no need to thank)
    *_product(("ko", "không", "khong", "k"), (" cần c[aảá]m [oơ]n",)),
    "nu e nevoie[\\s,.!…—–\\-]*(?:mul[tțţ]umesc|mersi)",
    # an invitation or offer turned down: "Thanks for the invite but I'll be in Athens that weekend", "Ευχαριστώ για
    # την πρόσκληση αλλά θα είμαι Αθήνα"
    *_product(
        ("thanks", "thank you", "thx", "ty"),
        (" for (?:the |your )?(?:kind )?(?:invite|invitation|offer)[\\s,!.]*(?:—\\s*|-\\s*)?but\\b",),
    ),
    *_product(("ευχαριστώ", "ευχαριστω"), (" για την (?:πρόσκληση|προσφορά)[\\s,!.]*(?:αλλά|αλλα)",)),
    guard_end=False,
)
# "in advance" said with the thanks in words the vocabulary cannot take alone: "Danke schon mal!", "schon mal
# danke", "gracias desde ya", "grazie fin da ora", "tack i förväg", "teşekkürler peşinen", "شكرا سلفا".
_words(
    "tia",
    *_product(("danke", "danke dir", "danke euch", "danke ihnen", "dank dir", "dank euch"), (",? schon ?mal",)),
    "schon ?mal (?:vielen |herzlichen )?dank",
    *_product(("gracias", "muchas gracias"), (",? desde ya",)),
    *_product(("grazie", "grazie mille"), (",? (?:fin|sin|gi[àa]) da (?:ora|adesso)", ",? (?:fin|sin) d'ora")),
    "tack,? i f[öo]rv[äa]g",
    *_product(("teşekkürler", "tesekkurler", "teşekkür ederim"), (",? pe[şs]inen",)),
    "ముందుగానే థాంక్స్",  # Telugu: "query okasari chudu, ముందుగానే థాంక్స్ :pray:" (thanks in advance)
    "munduga(?:ne)? thanks",
)
# French "merci de" + an infinitive is "please": "merci de vérifier les tickets avant 18h", "<@A> merci de me confirmer
# avant 17h" — not "merci de votre aide", "merci de m'avoir aidé" (past), nor "merci de partager" (said for a share).
_words(
    "tia",
    "merci de(?= (?:bien |me |nous |lui |leur |ne |m'|l'|les )?(?!avoir\\b|être\\b|etre\\b|votre\\b|notre\\b|vôtre\\b|"
    "partager\\b)[^\\W\\d_]+(?:er|ir|re)\\b)",
)
_words("tia", "شكرا سلفا", "شكراً سلفاً", "شكرا مسبقا", "अग्रिम धन्यवाद", "अग्रिम में धन्यवाद", guard_end=False)
# Korean thanks on a condition still to be met: "<@A> 넵 ㅠ 템플릿에 넣어주시면 감사하죠.." (if you put it in, I'd be grateful)
_words("tia", *_product(("주시면", "주면", "줄 수 있으면", "주실 수 있으면"), (" ?(?:감사|고맙)",)), guard_end=False)

_words("strong", "ナイス(?![ァ-ヺー])", guard_end=False)  # "<@A> ナイス 👏", "ナイス調査！" — not "ナイスミドル"
# Chinese "你又救了我一次" (you saved me again), "你是神" / "你真是及时雨" (a godsend), "归功于 <@A>" (the credit goes to),
# Japanese "神降臨" (a god came down: you saved me)
_words("strong", "救了我", "你是神", "及时雨", f"归功于(?=\\s*{M})", "神降臨", guard_end=False)
# Gen-Z and chat English: "that was it. bless 🙏🏾", "<@A> we don't deserve u", "ily 🫶 what would we do without u",
# "<@A> clutch catch on the redis CPU"; Portuguese "<@A> salvou!!!"; Vietnamese "e là thiên
# thần 😭" (you're an angel)
_words(
    "strong",
    f"bless(?=\\s*(?:[!.:{TYE}{EMO}{_UEMOJI}]|$|{M})| up\\b)",
    "we don'?t deserve (?:u|you)",
    "what would (?:we|i) do without (?:u|you)",
    "clutch (?:catch|save|fix|find|call|assist|debug)",
    "salvou(?<!ningu[ée]m me salvou)(?<!n[ãa]o me salvou)(?<!ningu[ée]m salvou)(?<!n[ãa]o salvou)"
    f"(?=\\s*(?:[!.:{TYE}{EMO}{_UEMOJI}]|$))",
    *_product(("e", "em", "a", "anh", "c", "chị", "bạn"), (" là thiên thần",)),
)
# Cantonese "救咗我" (saved me): "<@A> 你份文件寫得太清楚，救咗我"; "多得你呀！" (all thanks to you) closing a sentence —
# not "多得 <@A> 個 script" before what it did, as often blame as credit
_words("strong", "救咗我", "多得你(?:呀|啊|晒|哂)?(?=\\s*(?:[!！。~～]|$))", guard_end=False)
# Chinese "点个赞" (a like, given to someone): "给 <@A> 和车队调度点个赞"
_words("kudos", "点个赞", "點個讚", "点个大赞", guard_end=False)
# …and "神" said right after the person: "<@A> さん神。これで午後も戦えるわ" (you're a god), not "神戸" or "神社"
_words(
    "strong",
    f"神(?:(?<=さん神)|(?<=さん 神)|(?<=[>{M[1:-1]}] 神)|(?<=[>{M[1:-1]}]神))(?=\\s*(?:[。、！!.…{EMO}{TYE}{_UEMOJI}]|$))",
    guard_end=False,
)
# Chinese "你是我的神" (you are my god), "感激不尽" (endlessly grateful), "给 <@A> 递茶 🍵" (serving A tea), "疯狂点赞" (liking
# it madly); Japanese "神対応" (a god-tier response), "…も神でした" (was god-tier), slang "あざまる" (thanks); Korean "은인이세요"
# (you're my saviour), the chat forms "감사합니닷" / "캄사합니다"; Arabic "انت الأفضل" (you're the best)
_words(
    "strong",
    "你是我的神",
    "感激不尽",
    "感激不盡",
    "递(?:杯)?茶",
    # said to the people just named: "<@A> <@B> <@C> 你们太棒了", "<@A> 你们才是 MVP"; "<@A> 牛，BIOS 升级提前搞完" (awesome),
    # "辛苦你周末前还帮我筛简历" (thanks for the trouble of…)
    "你们(?:真|太|好)?(?:棒|强|厉害)",
    "你們(?:真|太|好)?(?:棒|強|厲害)",
    "你们才是(?=\\s*(?:mvp|功臣|英雄|大功臣|最棒))",
    f"牛(?:(?<={M}牛)|(?<={M} 牛))(?=\\s*(?:[，,！!。]|$))",
    "辛苦你(?!了|啦|们了)",
    "疯狂点赞",
    "瘋狂點讚",
    "神対応",
    "神でした",
    "神すぎ",
    "은인이(?:세요|에요|야|십니다)",
    "구세주",  # "<@A> 구세주... 비상연락처 고쳐주신 거 오늘 바로 썼어요" (my saviour)
    f"은인(?=\\s*(?:[!~.ㅋㅎㅠ]|$|[{TYE}{EMO}{_UEMOJI}]))",  # "…찾아줘서 해결함 👍 은인 ㅋㅋ" (my saviour)
    f"천사(?=\\s*(?:[!~.ㅋㅎㅠ]|$|[{TYE}{EMO}{_UEMOJI}]))",  # "모바일 썸네일까지 ㅠㅠ 지우님 천사" (an angel)
    "انت الأفضل",
    "أنت الأفضل",
    guard_end=False,
)
_words("grat", "あざまる", "감사합니닷", "캄사(?:합니다|해요|요)?", guard_end=False)
# Chinese praise that thanks: "<@A> 爱你 ❤️ 救大命" (you saved my life), "你也太神" (you're a god; not 给力, said in
# congratulations too: "恭喜 🔥 给力"), "<@A> <@B> 功劳最大 🏆" (the most credit), "给 <@A> 的文档点一万个赞" (a thousand likes), "你們最好了"
# (you're the best)
_words(
    "strong",
    "救大命",
    "救命恩人",
    "太神",
    "功劳最大",
    "功勞最大",
    "功不可没",
    "功不可沒",
    "点一万个赞",
    "點一萬個讚",
    # "帮大忙了" (a big help), "<@A> 救火队长 🧯" (the firefighter), "<@B> 的预警看板也立大功" (earned great merit), "头号功臣"
    # (the hero of the day), "雷雷太靠谱了" (so reliable), "<@A> 比心 💕" (a heart sign), "<@A> 效率 👍 爱你", "太牛了",
    # "谢提醒" (thanks for the reminder)
    "帮大忙",
    "帮了大忙",
    "幫大忙",
    "幫了大忙",
    "救火队长",
    "救火隊長",
    "立大功",
    "立了大功",
    "头号功臣",  # (not "功臣奖", an award)
    "頭號功臣",
    "大功臣",
    "最大的功臣",
    "太靠谱",
    "真靠谱",
    "太靠譜",
    "真靠譜",
    "比心",
    "爱你",
    "愛你",
    "太牛了",
    "真牛",
    "牛逼",
    "谢(?:提醒|指点|分享|帮忙)",
    "謝(?:提醒|指點|分享|幫忙)",
    # "<@A> 👍 靠谱" (reliable!) said alone, not "不靠谱" (unreliable); "谢 <@A> 帮测 batch 接口" (thanks A for testing), a
    # lone 谢 before the person (not inside 感谢 / 多谢 / 谢谢). (Not "<@A> 辛苦 + a verb": "<@A> 辛苦看一下" asks A to look.)
    f"靠谱(?<![不太真很]靠谱)(?=\\s*(?:[!！~～。]|$|[{TYE}{EMO}{_UEMOJI}]))",
    f"靠譜(?<![不太真很]靠譜)(?=\\s*(?:[!！~～。]|$|[{TYE}{EMO}{_UEMOJI}]))",
    f"谢(?<![感多致答道鸣酬婉凋谢]谢)(?=\\s*{M})",
    f"謝(?<![感多致答道鳴酬婉凋謝]謝)(?=\\s*{M})",
    "你们最好了(?!解)",  # (not "你最好了解一下", you'd better look into it)
    "你們最好了(?!解)",
    "你最好了(?!解)",
    guard_end=False,
)
# "多亏 <@A> 早上第一时间回报" / "多虧了 <@A>" / "多亏你" (it was thanks to), "<@A> 救星！！" (a saviour), "懂了 跪谢" (thanks on my
# knees), "欠你一杯奶茶" (I owe you a milk tea). Not when a harm follows in its sentence, as in English "thanks to <@A>'s
# script we lost…": "多虧 <@A> 的 autoscaling，… 數據全部歪掉了" (skewed), 挂了 / 崩了 / 坏了 (broke), 丢了 (lost), 白做 (wasted)
_ZH_HARM = "歪掉|挂了|掛了|崩了|坏了|壞了|炸了|丢了|丟了|白做|白干|白幹|出错|出錯|搞砸|手动修|手動修"
# The same credit in Korean and Japanese, right after the person: "어제 <@A>님 덕분에 분석 데이터 다 뽑았어요", "<@A> さんの
# おかげでリリースできました" — not when a harm follows ("<@A>님 덕분에 장애 났어요", "<@A> のおかげで障害が起きた"), nor in
# small talk about a rest ("<@A> 덕분에 잘 쉬었어요", as "おかげさまでゆっくりできました"). The person and honorific are read
# behind the phrase, one fixed-width look-behind per spelling.
_KO_HARM = "장애|망했|망함|날아갔|터졌|꼬였|깨졌|버그|롤백|날렸|날림|안 잊|지웠|깨짐"
_JA_HARM = "障害|落ち|壊れ|消え|止まっ|バグ|ロールバック"
# …and the mishaps that make a 덕분에 said after what someone did ironic: "덕분에 QA 오전 내내 막혔습니다", "로그아웃됐어요~",
# "경고 47개 떴어요", "디스크 사용률 알람 떴습니다 😇"
_KO_MISHAP = (
    "막혔|막힘|막혀|떨어져|떨어졌|쌓이고|경고|로그아웃|대기 중|빨간불|알람 떴|에러|오류|실패|늦었|밀렸|작년|ㅠㅠ|😇|/s"
)
# The honorifics said after a name (also in _HONORIFIC, for lists): Korean ("<@A> 님") and Japanese ("<@A> さん").
# (with the titles said with 님 in teams: "<@A> 대표님 잘 먹었습니다!!", "<@A> 팀장님 체크리스트 최고")
_HONORIFICS_KO = ("님", "씨", "쌤", "대표님", "팀장님", "선배님", "실장님", "부장님", "과장님", "매니저님")
_HONORIFICS_JA = ("さん", "様", "さま", "くん", "君", "ちゃん", "先生")


# Titles that are the thanks when said of the person: "<@A> legend", "IDOLO." opening a reply (see the "strong" phrases)
_TITLES = (
    *("legend", "hero", "lifesaver", "life saver", "rockstar", "genius", "genio", "genia", "crack", "capo", "ídolo"),
    *("idolo", "legende", "легенда", "lenda", "goated"),
)


def _spellings_after_name(honorifics: tuple[str, ...], space_after: bool) -> list[str]:
    """What may stand between a name and the word after it: nothing, a space, or an honorific with or without spaces."""
    return ["", " "] + [
        f"{before}{h}{after}"
        for h in honorifics
        for before in ("", " ")
        for after in (("", " ") if space_after else ("",))
    ]


_words(
    "strong",
    *(
        f"덕분에(?<={M}{between}덕분에)(?![^.!?\\n]{{0,40}}?(?:{_KO_HARM}))(?! ?(?:잘|푹) (?:쉬|다녀|지내))"
        for between in _spellings_after_name((*_HONORIFICS_KO, "두 분", "두분"), space_after=True)  # (you two)
    ),
    # …or after what the person did, said after their name: "<@A>님 꿀팁 덕분에 25분 컷!!", "<@A> 👏👏 덕분에 오늘 오후 쿠폰
    # 문의 2건밖에 없었어요" (the person is found before it, as for any cue)
    f"덕분(?:에|이에요|입니다|이죠|임)(?<![>{M[1:-1]}]덕분에)(?<![>{M[1:-1]}] 덕분에)(?<!님 덕분에)(?<!님덕분에)"
    # (not after a dash, where it is "thanks to that": "Thanks <@A> for introducing me to <@B> — 덕분에 같이 하게 됐어요")
    f"(?<!— 덕분에)(?<!– 덕분에)(?<!- 덕분에)"
    f"(?![^\\n]{{0,60}}?(?:{_KO_HARM}|{_KO_MISHAP}))(?! ?(?:잘|푹) (?:쉬|다녀|지내))",
    # Japanese: what the person did for the author, then "おかげ": "<@A> さん、教えてもらったおかげです！", "手伝ってくれたおかげで"
    *(
        f"おかげ(?<={done}おかげ)(?![^。！？!?\\n]{{0,40}}?(?:{_JA_HARM}))"
        for done in ("もらった", "くれた", "いただいた", "頂いた", "くださった", "下さった")
    ),
    *(
        f"のおかげ(?<={M}{between}のおかげ)(?![^。！？!?\\n]{{0,40}}?(?:{_JA_HARM}))(?!で?(?:ゆっくり|のんびり|元気))"
        for between in _spellings_after_name(_HONORIFICS_JA, space_after=False)
    ),
    guard_end=False,
)
_words(
    "strong",
    f"多[亏虧](?:了)?(?=\\s*(?:{M}|你|妳|您))(?![^。！？!?\\n]{{0,60}}?(?:{_ZH_HARM}))",
    # Cantonese "唔该晒" (thanks a lot), and a lone 唔该 after an acknowledgement ("收到，唔该 <@A>", "great, 唔该！") —
    # elsewhere it is "please" ("<@A> 唔該，可唔可以幫我再 run 一次？", "…approve the IAM change 唔該"). (Not "多得 <@A>": as
    # often blame as credit, "多得 <@A> 個 backfill script，test data 全部變咗 2019 年 😂".)
    "唔[该該]晒",
    "唔[该該](?:"
    + "|".join(
        f"(?<={ack}{sep}唔[该該])"
        for ack in ("收到", "明白", "好的", "好", "ok", "okay", "great", "got it", "noted")
        for sep in ("，", ",", ", ", " ", "！", "! ")
    )
    + ")",
    "救星(?![\u4e00-\u9fff])",  # (a word of its own: not "救星系列", a product line)
    "跪谢",
    "跪謝",
    "欠你一",
    guard_end=False,
)
# A Japanese decline: "今回は遠慮しておきます、ありがとう〜" (I'll pass this time, thanks)
_words(
    "nothx",
    "遠慮(?:しておきます|しときます|します|させてください)[、,。!！\\s]*(?:ありがとう|お気遣い)",
    guard_end=False,
)
# Thanks passed on to someone who is not here: "jess thank him for us 🙏", "please thank your uncle from all of us" —
# the sentence thanks no one in the channel (not "thank you from all of us").
_words(
    "nothx",
    *_product(
        ("thank ", "say thanks to ", "say thank you to "),
        ("(?!(?:you|u|ya|y'all)\\b)(?:your |ur )?[\\w']+",),
        (
            " (?:for us|for me|from (?:all of )?us|from me|from the (?:team|whole team)|on (?:our|my) behalf|"
            "when you see (?:him|her|them))",
        ),
    ),
)
# Being thanked, not thanking: "被 <@A> 点名感谢了好开心" (A thanked me by name, so happy)
_words("noop", f"被\\s*(?:{M}\\s*)?(?:点名|點名|公开|公開|当众|當眾)?(?:感谢|感謝|表扬|表揚)", guard_end=False)
_words("tia", "merci im vor(?:aus|uus)", "danke im vor(?:aus|uus)", "asante mapema", "ngiyabonga kusengaphambili")
# Thai asks with "ฝาก" (leave it to you) and "หน่อย" (a bit, please), written without spaces: "<@A> พรุ่งนี้ฝากดูกลุ่ม…
# หน่อยนะครับ ขอบคุณครับ"
_words("req", "ฝาก", "หน่อย", guard_end=False)
_words(
    "tia",
    # not for being told in advance: "미리 알려줘서 고마워요", "事前に教えてくれてありがとう", "谢谢你提前告诉我"; Chinese
    # "提前" only next to its thanks ("提前谢谢", "提前感谢大家"): "辛苦了，这次总算提前搞定" was done ahead of time
    "提前(?=\\s*(?:谢|謝|感谢|感謝|致谢|致謝|多谢|多謝))",
    "先谢",
    "先謝",
    "事前に(?!(?:教えて|共有して|連絡して|知らせて|言って))",
    # Korean "미리" likewise only next to its thanks ("미리 감사합니다"): "미리미리 준비해주셔서 감사합니다" thanks for preparing
    # ahead of time
    "미리(?= ?(?:감사|고마|땡큐))",
    "पहले से",
    "आधीच(?= ?धन्यवाद)",  # Marathi "आधीच धन्यवाद" (thanks in advance)
    "مقدما",
    "مسبقا",
    # the same in Arabizi: "shukran mo8addaman", "mashkoorin mo8addaman"
    "m[ou][8q]add?aman",
    "mu[8q]add?aman",
    "מראש",
    "ล่วงหน้า",
    # "it would help if you could…": "明日までにいただけると助かります", "確認してもらえると助かる"
    *_product(
        ("いただけ", "頂け", "もらえ", "貰え", "くれ"),
        ("ると助か", "たら助か", "ると嬉し", "たら嬉し", "ると幸い", "たら幸い"),
    ),
    guard_end=False,
)
_words("sarc", SARC, guard_end=False)
_words("sarc", "/s", "thanks? for nothing", "gee,? thanks?", "thanks a bunch,? now")
# Japanese "（棒）" (said flatly) marks irony: "…ありがとうございます（棒）"
_words("sarc", "（棒）", "棒(?<=\\(棒)\\)", guard_end=False)
# Chinese chat's dog-head sticker, typed as text, marks irony: "谢谢 <@A> 把 8 张卡占满了一下午 [狗头]"
_words("sarc", "狗头(?<=\\[狗头)\\]", "狗頭(?<=\\[狗頭)\\]", guard_end=False)
_words(
    "smalltalk",
    # (with the emoji said with it: "much better, thanks for asking 🙏 she's home now")
    *_product(
        ("thanks", "thank you", "thx", "ty"),
        (f" for asking(?:\\s*[{TYE}{EMO}])*", ",? (?:and )?(?:you|u|yourself) ?\\?"),
    ),
    # "thanks for asking" in the other languages: "gracias por preguntar", "merci de demander", "danke der Nachfrage",
    # "obrigado por perguntar", "grazie per aver chiesto", "mulțumesc că ai întrebat"
    *_product(("gracias", "muchas gracias", "gràcies", "gracies", "moltes gràcies"), (" (?:por|per) preguntar",)),
    *_product(("merci", "merci beaucoup"), (" de (?:demander|t'en inquiéter|vous en inquiéter)",)),
    *_product(("danke", "danke dir"), (" (?:der|für die) nachfrage", " fürs nachfragen")),
    *_product(("obrigado", "obrigada"), (" por perguntar",)),
    # Ukrainian and Russian: "дякую, що спитав", "спасибо, что спросила"
    *_product(("дякую", "спасибо", "спасибі"), (",? (?:що|что) (?:спитав|спитала|спитали|спросил|спросила|спросили)",)),
    *_product(("grazie",), (" per (?:aver|avermelo) chiesto", " di (?:aver|avermelo) chiesto")),
    # Czech, Swedish, Norwegian and Greek: "dobrý, díky za optání", "tack för att du frågar", "takk for at du spør",
    # "ευχαριστώ που ρώτησες" (not Polish "dzięki za pytanie", which also thanks for a question put in a review)
    *_product(("díky", "diky", "dík", "dik", "děkuji", "dekuji"), (" za (?:optání|optani|zeptání|zeptani)",)),
    "tack för att du frågar",
    "[ďd]akujem za op[ýy]tanie",  # Slovak: "Bratislava tiež dážď. Ďakujem za opýtanie 😄"
    *_product(("asante", "asante sana", "ngiyabonga", "dankie"), (" for asking",)),  # "much better. asante for asking"
    "takk for at du spør",
    *_product(("ευχαριστώ", "ευχαριστω"), (" που (?:ρώτησες|ρωτάς|ρωτας|ρωτάτε|ρωτατε|ρώτησατε)",)),
    *_product(
        ("mulțumesc", "multumesc", "mulţumesc", "mersi"), (" (?:că|ca) (?:ai|ați|ati) întrebat", " de întrebare")
    ),
    *_product(
        ("i'm ", "im ", "i am ", "doing ", "all ", "pretty ", "very ", "not too ", ""),
        ("good", "good po", "fine", "not bad", "alright", "well", "surviving"),
        (_SMALLTALK_THANKS,),
    ),
    # "doing ok thanks, just tired. you?" — but a bare "ok thanks" / "great, thanks" acknowledges help.
    *_product(
        ("i'm ", "im ", "i am ", "doing ", "all ", "pretty ", "still ", "we're ", "we are "),
        ("ok", "okay", "great", "surviving", "hanging in there"),
        (_SMALLTALK_THANKS,),
    ),
    *_product(
        (
            # (not a plan that works: "Genial, con eso vamos bien. Gracias!!")
            "bien(?<!trop bien)(?<!vamos bien)(?<!queda bien)(?<!quedó bien)(?<!funciona bien)(?<!sale bien)(?<!salió bien)(?<!anda bien)",
            "muy bien",
            "todo bien",
            # "Más o menos, gracias. Aún me queda una build 😩"; Catalan "Tot bé, gràcies! … I tu?"
            "más o menos",
            "mas o menos",
            "tot bé",
            "tot be",
            "molt bé",
            "todo bien por acá",  # "Todo bien por acá, gracias. En CDMX está nublado"
            "todo bien por aca",
            "todo bien por aquí",
            "todo bien por aqui",
            "très bien",
            "ça va",
            "ca va",
            "bom",
            "bem",
            "tudo bem",
            "tudo bom",
            "tudo ótimo",
            "tudo otimo",
            "molt bé",
            "molt be",
            "bene(?<!\\bva bene)",  # (not "il bold va bene. grazie, ora non ho più scuse": it is fine)
            "bene dai",  # "bene dai, grazie, tu?"
            "tutto bene",
            "meglio",  # "meglio, grazie! solo un raffreddore" (better, as καλύτερα below)
            "gut",
            "ganz gut",
            "goed",
            "goed hoor",
            "bine",
            "badhiya",
            "badiya",
            "theek hoon",
            "thik hoon",
            "prima",
            "prima hoor",
            "bra",
            "dobře",  # Czech: "dobře, díky, a ty?"
            "добре",  # Ukrainian: "Добре, дякую, а ти?"
            "καλύτερα",
            "καλυτερα",
            # Greek and Greeklish "I'm fine": "καλά είμαι ευχαριστώ!", "kala eimai eyxaristw, esy?"
            "καλά είμαι",
            "καλα ειμαι",
            "είμαι καλά",
            "ειμαι καλα",
            "kala eimai",
            "eimai kala",
            # Swedish "Bra helg, tack." (a good weekend, thanks)
            "bra helg",
            "bra vecka",
            "dobre",  # Slovak
            "guet",  # Swiss German: "guet, merci! und dir?"
            "kala",  # Greeklish: "kala efxaristw, esy?"
            "mni7(?: el7amdella| el7amdulillah)?",
            # Egyptian and Levantine in Latin letters: "kwayes el7amdulillah, shukran", "ana kwayesa, merci!", "tamam
            # el7amdulillah, shukran!", "el7amdulillah tamam, shukran. w enty?" (not "tamam, shukran": OK, thanks)
            *_product(
                ("el7amdulillah", "el7amdulellah", "alhamdulillah", "al7amdulillah", "el7amdella"),
                (" tamam", " kwayes", " kwayesa"),
            ),
            *_product(
                ("", "ana ", "tamam "),
                (
                    "kwayes",
                    "kwayesa",
                    "kwayyes",
                    "kwayyesa",
                    "kwaysa",
                    "el7amdulillah",
                    "el7amdulellah",
                    "alhamdulillah",
                    "al7amdulillah",
                ),
                ("(?: el7amdulillah| el7amdulellah| el7amdella| alhamdulillah| al7amdulillah)?",),
            ),
            # Hinglish, Tamil, Tagalog, Turkish, Russian chat: "theek hu, thanks!", "nalla irukken, thanks!",
            # "okay naman, salamat!", "iyiyiz iyiyiz, sağ ol", "норм, спасибо"
            "theek hu",
            "good naman",  # Taglish: "Good naman, thanks! Mostly under control"
            "thik hu",
            "thik hoon",
            "nalla irukken",
            "bagunna",  # Telugu: "bagunna, thanks! nuvvu?"
            "bagunnanu",
            "bagunnanu ra",  # "<@A> bagunnanu ra, thanks. confirmed, I booked for 6"
            "bagunna ra",
            # Kannada: "<@A> chennagiddini, thanks! neevu?"
            "chennagiddini",
            "chennagidini",
            "chennagiddene",
            "nalla irukkaen",
            "nallaa irukken",
            "iyiyiz",
            "норм",  # Levantine Arabic in Latin letters: "mni7 el7amdella, shukran, w enta?"
            "chill",  # "chill thanks, mostly translating in a coffee shop"
            # Finnish, Estonian, Danish and Norwegian: "ihan hyvin kiitti, entä sulle?", "hästi, aitäh", "godt, tak"
            "hyvin",
            "ihan hyvin",
            "hyvää",
            "hästi",
            "godt",
            "fint",
            "dobrze",
            "iyiyim",
            "iyi",
            "хорошо",
            "нормально",
            "καλά",
            "καλα",
            "baik",
            "khỏe",
            "khỏe rồi",  # "Chị khỏe rồi, cảm ơn em. Em thì sao?"
            "khoe",
            "ổn",
            # with the polite particle: "tốt ạ, thanks chị!", "khỏe ạ, cảm ơn anh"
            "tốt ạ",
            "tốt",
            "khỏe ạ",
            "ổn ạ",
        ),
        (f"[,!.]? (?:{_THANKS_WORDS}){_NOT_FOR_SOMETHING}",),
    ),
    # "much better thanks, yes back on nights tomorrow", "feeling better, thanks": how one is after being ill —
    # but not "works much better thanks to <@A>'s patch" nor a bare "much better, thanks!" after a fix.
    *_product(
        ("feeling ", "i'm feeling ", "im feeling ", "i feel "),
        ("", "much ", "a lot ", "way ", "a bit "),
        ("better",),
        ("[,!.]? (?:thanks|thank you|thx|ty)(?! to\\b)",),
    ),
    "much better[,!.]? (?:thanks|thank you|thx|ty)(?=,? (?:yes|yeah|yep|back|still)\\b)",
    # …and asked back: "much better now, thanks! how about you?"
    *_product(
        ("much better", "better", "feeling better"),
        (" now[,!.]? (?:thanks|thank you|thx|ty)(?=[,!.]* (?:how about|and) (?:you|u)\\b)",),
    ),
    # thanks for praise of one's talk or party, not for help: "<@A> thanks! it was fun", "it was fun, thanks!"
    *_product(
        ("thanks", "thank you", "thx", "ty"),
        ("[,!.]* (?:it was|was|that was) (?:so much |really |great )?fun(?! [^\\W\\d_]+ing\\b)",),
    ),
    # (not "that was fun! ty <@A> for running such a tight show", which thanks the host)
    *_product(
        ("it was", "was", "that was"),
        (f" (?:so much |really |great )?fun[,!.]* (?:thanks|thank you|thx|ty)(?! ?{M}){_NOT_FOR_SOMETHING}",),
    ),
    # …and for wishes to someone ill: "thanks, she's better already, just a cold"
    *_product(
        ("thanks", "thank you", "thx", "ty"),
        ("[,!.]* (?:she|he|they|we|i)(?:'s|’s|'re|'m| is| are| am)(?: (?:much|a lot|way|already|feeling))* better",),
    ),
    # …and with what one had: "much better, thanks! Just a cold", "better, thanks! just a cold"
    *_product(
        ("much better", "better"),
        (f"[,!.]? (?:thanks|thank you|thx|ty)(?=[,!.]? (?:{_ILLNESS_AFTER})\\b)",),
    ),
    # "Genial, gracias! Estuve en Cadaqués ☀️ ¿y tú?": a word of how it went, the thanks, then the question back at
    # the end (a "genial, gracias!" alone thanks for what was done)
    *_product(
        ("genial", "great", "super", "súper", "bien", "good", "génial", "benissimo", "ótimo"),
        (
            f"[,!.]* (?:{_THANKS_WORDS})[!.]*(?=[^?\\n{M[1:-1]}]{{0,60}}[\\s¿]+(?:(?:and|y|i|et|e|und) )?"
            "(?:you|u|tú|tu|vos|usted|toi|vous|du|você|voce)\\s*\\?)",
        ),
    ),
    # "thanks, and you?" — the reply to "how are you?", whichever language asks it back.
    *[f"{word}[,!.]* (?:{_AND_YOU}) ?[?;]" for word in _THANKS_WORDS.split("|")],
    # "thanks, you too!", "gracias, igualmente", "merci, toi aussi", "danke, gleichfalls": a wish returned
    # — not "thanks, you too were a huge help"
    *[
        f"{word}[,!.]* (?:(?:sir|ma'am|maam|madam|bro|man|dude|mate|buddy|boss)[,!.]* )?(?:{_YOU_TOO})"
        f"(?=\\s*(?:$|[!.?,;:()…\\n{TYE}{EMO}]))"
        for word in _THANKS_WORDS.split("|")
    ],
)
# …and in Cebuano and Tagalog, and asked back in Vietnamese: "Okay ra ko, salamat! Baha gamay sa Banilad", "vui lắm
# chị, cảm ơn chị, chị thì sao?"
_words(
    "smalltalk",
    *_product(
        ("okay ra", "ok ra", "maayo ra", "maayo man", "okay lang", "ok lang", "mabuti naman"),
        ("", " ko", " ako", " te", " kaayo", " po"),
        ("[,!.]? salamat",),
    ),
    "c[aảá]m [oơ]n(?: anh| chị| em| bạn| c| a| e)?[,!.]* (?:anh|chị|em|bạn|c|a|e) thì sao",
)
# …and in the languages whose thanks are not among those words: Yoruba "Mo wà dáadáa, ẹ ṣé. Ìwọ ńkọ́?", Igbo "Adị m
# mma, daalụ", Hausa "lafiya lau, nagode"
_words(
    "smalltalk",
    "d[aá]+d[aá]+a[,!.]? (?:[eẹoọ] [sṣ][eéè]|[eẹoọ] [sṣ]eun)",
    "ad[iị] m mma[,!.]? (?:da+l[uụ]|ime+la)",
    "lafiya(?: lau)?[,!.]? (?:na ?gode)",
    # Georgian "კარგად, მადლობა!" (well, thanks), Cantonese "幾好呀多謝，你呢？" (fine, thanks, and you?)
    "კარგად,? მადლობა",
    *_product(("幾好", "几好"), ("(?:呀|啊|吖)?[，,\\s]*(?:多謝|多谢)",)),
    # Afrikaans and Zulu: "goed dankie, en jy?", "ngiyaphila, ngiyabonga. Wena?" (I'm well, thanks. You?)
    "goed,? dankie",
    "ngiyaphila,? ngiyabonga",
    "iyiyim,? (?:eyvallah|eyv|sağ ?ol)",  # Turkish: "<@A> iyiyim eyvallah, İstanbul'da sağanak"
    "sae(?: teh| kang| a| euy)?,? (?:hatur )?nuhun",  # Sundanese: "sae teh, nuhun. teteh kumaha?" (fine, thanks)
    "nzuri(?: sana)?[,!.]? asante",  # Swahili "nzuri sana, asante. wewe je?" (very well, thanks. and you?)
    # Irish and Scottish Gaelic: "Tá mé go maith, go raibh maith agat!", "Aye fine, tapadh leat"
    *_product(
        ("tá mé go maith", "ta me go maith", "go maith", "aye fine", "aye grand", "grand"),
        ("[,!.]? (?:go raibh maith agat|tapadh leat|m[òo]ran taing)",),
    ),
    # Arabic: "الحمدلله كويسة، شكرا! وانتي؟" (fine, thank God, thanks! and you?)
    *_product(
        ("الحمدلله ", "الحمد لله ", ""),
        ("كويس", "كويسة", "بخير", "منيح", "منيحة"),
        ("[،,!. ]*(?:شكرا|شكراً|مرسي|ميرسي)",),
    ),
    # …"fine" after "thank God" ("الحمد لله تمام، شكراً يا <@A>. وإنت عامل إيه؟"), not "تمام، شكراً" (OK, thanks)
    *_product(("الحمدلله ", "الحمد لله "), ("تمام",), ("[،,!. ]*(?:شكرا|شكراً|مرسي|ميرسي)",)),
    # …and "fine, thank God" in that order: "بخير الحمدلله، شكراً. وانتي؟"
    *_product(
        ("بخير", "كويس", "كويسة", "تمام", "منيح"), (" الحمدلله", " الحمد لله"), ("[،,!. ]*(?:شكرا|شكراً|مرسي|ميرسي)",)
    ),
    # Indonesian "udah mendingan, makasih pak" (I'm better now), Vietnamese "em đỡ rồi chị, cảm ơn chị hỏi thăm ạ",
    # German "Mega, danke! … Und bei dir, alles gut?"
    "mendingan[,!.]? (?:makasih|terima kasih|thanks|thx)",
    # "udah baikan, makasih mas. cuma kecapekan" (I'm better now, thanks)
    *_product(("udah ", "sudah ", ""), ("baikan[,!.]? (?:makasih|terima kasih|thanks|thx)",)),
    # Vietnamese declining: "mình bận rồi, cảm ơn nha" (I'm busy, thanks)
    "bận rồi[,!.]? (?:c[aả]m [oơ]n|cám ơn|thanks)",
    "c[aảá]m [oơ]n(?: anh| chị| em| bạn)? h[ỏo]i th[ăa]m",
    "danke[,!.]*(?: [^\\W\\d_]+[,!.]*){0,6} und bei (?:dir|euch|ihnen)",
    *_product(("okay", "ok", "ayos", "mabuti"), (" (?:naman|lang)[,!.]? (?:salamat|thanks|thank you|ty)",)),
)
# The same "fine, thanks (and you?)" in the scripts written without spaces: Thai, Chinese, Japanese,
# Korean, Hindi, Arabic, Hebrew.
_words(
    "smalltalk",
    # Hindi and Marathi, before a thanks in any script: "मी मस्त, thanks! तू कधी परत येतेस?", "ठीक हूँ, धन्यवाद"
    *_product(("मी मस्त", "ठीक हूँ", "ठीक हूं", "ठीक आहे", "बरा आहे", "बरी आहे"), (f"[,!.]? (?:{_THANKS_WORDS}|धन्यवाद)",)),
    # Korean "(많이) 나았어요, 감사해요! 형은요?", Chinese "好多了 謝謝關心", thanks for one's concern: "お気遣いありがとう",
    # "謝謝關心", "걱정해줘서 고마워"
    "나았어요[\\s,!.]*(?:감사|고마)",
    "好多了[\\s,，。!！]*(?:谢谢|謝謝)",
    *_product(("谢谢", "謝謝", "多谢", "多謝"), ("(?:你的|妳的|您的)?(?:关心|關心)",)),
    "お気遣い(?:いただき)?(?:ありがとう|感謝)",
    # Korean "저는 괜찮아요 감사해요" (I'm fine), Amharic "ደህና ነኝ፣ አመሰግናለሁ", Arabic "مشكور على السؤال" (thanks for asking)
    "저는 괜찮아요[\\s,!.]*(?:감사|고마)",  # (not "괜찮아요! 감사합니다", it's fine, thanks — for help)
    "ደህና ነኝ[\\s,፣!.]*አመሰግናለሁ",
    *_product(("مشكور", "مشكورة", "شكرا", "شكراً"), (" على السؤال",)),
    "ご心配(?:いただき)?(?:ありがとう|感謝)",
    "걱정해 ?(?:줘서|주셔서) (?:고마|감사)",
    "สบายดี(?:ครับ|ค่ะ|คะ|จ้า|จ้ะ)?[\\s,]*ขอบคุณ",
    "ขอบคุณ(?:ครับ|ค่ะ|คะ)?[\\s,]*(?:สบายดี|แล้วคุณล่ะ)",
    "我很好[\\s,，。!！]*(?:谢谢|謝謝)",
    "很好(?<![得的]很好)[\\s,，。!！]*(?:谢谢|謝謝)",  # (not "分析做得很好，谢谢": well done, thanks)
    "[还還](?:好|行)[\\s,，。!！]*(?:谢谢|謝謝)",  # ("还行谢谢，去了梧桐山 … 你呢")
    "挺好的?[\\s,，。!！]*(?:谢谢|謝謝)",
    "[还還]不[错錯][\\s,，。!！]*(?:谢谢|謝謝)",  # "還不錯，謝謝，陽明山芒草超美 🌾 妳呢？"
    "元気(?:だよ|です|でした|だった)?(?:よ|ね)?[\\s,、。!！]*ありがと",  # ("元気だよ、ありがと笑 PR見ます")
    "잘 지내(?:요|고 있어요)[\\s,.!]*(?:감사합니다|고마워요|고마워)",
    "잘 지냈어요[\\s,.!]*(?:감사합니다|고마워요|고마워)",
    # "おかげさまでゆっくりできました、ありがとう！ケンは？": how one's holiday went
    "おかげさまで[^。！!?？\\n]{0,24}ありがとう",
    # …and in Korean: "<@A> 네 덕분에 잘 보내고 있어요 ㅎㅎ 감사해요~" (thanks to you I'm doing well)
    "덕분에 잘 (?:보내|지내)고 있어요[^.!?\\n]{0,12}(?:감사|고마)",
    "좋아요[\\s,.!]*(?:감사합니다|고마워요)",
    "मैं ठीक (?:हूँ|हूं|हूँ)[\\s,.!।]*(?:धन्यवाद|शुक्रिया)",
    "ठीक (?:हूँ|हूं|हूँ)[\\s,.!।]*(?:धन्यवाद|शुक्रिया)",
    "بخير[\\s,،.!]*(?:شكرا|مشكور|مشكورة)",
    # German, the thanks first: "<@A> Danke, gut! Noch viel Neues, aber alle sind super nett. Und bei dir?"
    "danke,? (?:gut|super|prima)(?=[!.,])",
    # "كان منيح الحمدلله، شكراً" (it was fine, thank God, thanks)
    *_product(("منيح", "منيحة", "كويس", "كويسة", "تمام"), (" (?:ال)?حمد ?لله[\\s,،.!]*(?:شكرا|مشكور|مشكورة)",)),
    "בסדר[\\s,.!]*תודה",
    "תודה (?:ששאלת|ששאלתם|ששאלתן|על השאלה)",  # "שקט לגמרי, תודה ששאלת 😄" (thanks for asking)
    "הכל טוב[\\s,.!]*תודה",
    # (not a report that something went well: "ה-dry run לדמו עבר טוב. תודה <@A> על ה-script")
    "טוב(?<!עבר טוב)(?<!הלך טוב)(?<!עובד טוב)(?<!עבד טוב)(?<!יצא טוב)(?<!נראה טוב)[\\s,.!]*תודה",
    "谢谢[\\s,，。!！]*你也(?:是|一样)",
    "ありがとう(?:ございます)?[\\s,、。!！]*(?:あなたも|そちらも)",
    "감사합니다[\\s,.!]*(?:당신도요|님도요)",
    "شكرا[\\s,،.!]*(?:وانت كمان|وأنت كمان|وانت ايضا|وأنت أيضا)",
    "תודה[\\s,.!]*(?:גם לך|גם לכם)",
    "धन्यवाद[\\s,.!।]*(?:आपको भी|आप भी)",
    "ขอบคุณ(?:ครับ|ค่ะ)?[\\s,]*(?:เช่นกัน)",
    guard_end=False,
)
_words(
    "noop",
    # "no hace falta que me des las gracias", "pas besoin de me remercier", "du musst dich nicht bedanken": the
    # thanks word refused, not the sentence ("pas besoin de me remercier, merci à toi pour l'idée" thanks)
    "no (?:hace falta|hay que|tienes que|tenés que|necesitas|es necesario)(?: que)?(?: me)? (?:des|dar|darme) las gracias",
    "pas besoin de (?:me |nous )?remercier",
    "tak payah (?:thank|terima kasih)(?: (?:me|us))?",  # Malay: "tak payah thank me lah" (no need to thank me)
    *_product(("tu n'as", "t'as", "vous n'avez"), (" pas (?:besoin )?(?:à|a|de) (?:me |nous )?remercier",)),
    "n[ãa]o precisa(?:s)? (?:me )?agradecer",
    "non c'è bisogno di ringraziar(?:mi|ci)?",
    "nichts zu danken",
    "nen[íi] za[čc]",  # Czech: you're welcome
    "nie je za [čc]o",  # Slovak
    # Swiss German: "nüt z'danke", "nöd z'danke"
    "n[üö](?:t|d) z['’]?danke",
    *_product(("musst", "brauchst"), (" dich nicht (?:zu )?bedanken",)),
    "je hoeft (?:me |ons )?niet te bedanken",
    "geen dank",
    "nie (?:musisz|trzeba) (?:mi )?dzi[eę]kowa[cć]",
    "te[sş]ekk[uü]re gerek yok",
    "не (?:нужно|надо) (?:меня )?благодарить",
)
# "I'll thank you to stop moving the cutoff": a demand, not gratitude.
_words("noop", *_product(("i'll", "ill", "i will", "i'd", "i would"), (" thank (?:you|u)(?: (?:kindly|not))? to",)))
# "<@A> … KeyShot 直接拖進去就能用，thank me later 😎": the author's own boast, not a thanks
_words("noop", "thank me later", "you can thank me later", "you'll thank me later")
# "<@A> you'll thank me when Apex signs": the same boast, with its own "when"
_words("noop", *_product(("you'll", "youll", "you will", "you'd", "you’ll"), (" thank me",)))
# …and in Dutch, said of someone else: "<@A> zal je dankbaar zijn 😂" (A will be grateful to you)
_words(
    "noop", "zal (?:je|jou|u|jullie|ons|me|mij) dankbaar zijn", "zullen (?:je|jou|u|jullie|ons|me|mij) dankbaar zijn"
)
# Thanks promised for later: "I'll thank <@A> when the scheduler survives a week"
_words("noop", *_product(("i'll", "i will", "gonna", "going to"), (f" thank(?= ?{M})",)))
# "please don't thank me, thank <@A> — she ran…": the refusal passes the thanks on to the next one named. It
# takes the punctuation too: a phrase's kind is remembered by its text, which the refusal above never ends with.
# …unless it passes it on to no one named: "<@A> don't thank me, thank the guy who let me stand on his truck".
_words(
    "noop",
    *_product(
        ("don'?t", "do not"),
        (
            " thank (?:me|us) ?[,;:—–-] ?thank (?:the|that|this|those|these|my|our|his|her|their)"
            f"(?![^.!?\\n{M[1:-1]}]{{0,120}}{M})",  # "…thank the team and especially <@B>" names B
        ),
    ),
)
_words("noop", "don'?t thank (?:me|us) ?[,;:—–-](?= ?thank)", "do not thank (?:me|us) ?[,;:—–-](?= ?thank)")
# "<@A> you don't have to thank me every time": thanks waved off, not said (holidays named after thanks: below).
_words(
    "noop",
    *_product(("don'?t", "do not", "never", "no need to"), (" (?:have|need) to thank (?:me|us)",)),
    "needn'?t thank (?:me|us)",
)
# Polish "a ty?" / "a ty kiedy…" is "and you", not "ty" (thank you): "<@A> a ty kiedy bierzesz urlop?"
_words("noop", "a ty(?= [^\\W\\d_])")
# "está tudo bem." ends a report that something works, not an answer to "tudo bem?": the thanks in the next sentence
# is a cue of its own ("testado, está tudo bem. Obrigada <@A>!"), while "Tudo bem, obrigada! E você?" stays small talk.
_words("noop", *_product(("está", "esta", "tá", "ta"), (" tudo ",), ("bem", "certo", "ok"), ("(?=[.!])",)))
# Credit the author gives themself, as a joke or a boast: "thanks to me, today's batch nearly didn't happen",
# "shout out to me for winning trivia", "Jaja gracias a mí ahora hay branch protection" (a thread reply that says
# it thanks no one, not its parent)
_words(
    "noop",
    *_product(("thanks", "thank you", "shout ?-?outs?", "props", "kudos", "credit"), (" to (?:me|myself)",)),
    "gracias a m[ií]",
    "gr[àa]cies a mi",
    "grazie a me",
    "merci [àa] moi",
    "graças a mim",
    "gracas a mim",
    "danke an mich(?: selbst)?",  # "Danke an mich selbst, dass ick heute an den Kuchen gedacht hab"
    "תודה לי",  # "<@A> תראה, הבאתי מטען הפעם! תודה לי :sunglasses:"
)
# Thankful for a thing, said in a "what are you thankful for" thread, thanks no one: "thankful for stretchy pants",
# "thankful the pager has been quiet (so far)" — not "thankful for you", "thankful for the quick turnaround", nor for
# someone named: "Thankful for <@A>, whose reports won us two renewals"
# (each phrase takes its next word: a phrase's kind is remembered by its text, and "thankful" alone is a thanks)
_words(
    "noop",
    "thankful (?:for|that)(?= )(?! (?:the|your|this|that|these|those|all|a|an|u|ur|you|y'all|yall|everyone|everybody)"
    f"\\b)(?! {M})",
    f"thankful the(?= )(?![^.!?\\n]{{0,80}}(?:{M}|\\b(?:you|your|u|ur)\\b))",
)
# Praise of one's own earlier self: "past-Tom is the real MVP", "past me was a genius"
_words("noop", "past[- ]?(?:me|self|[^\\W\\d_]+) (?:is|was) (?:the real mvp|a (?:genius|legend|hero|lifesaver))")
# Polish "ty" is "you" inside a sentence: "<@A> czy ty masz klucze do garażu?", "to ty robisz deploy?"
_words(
    "noop",
    *_product(("czy", "to", "i", "jak", "co", "bo", "ale", "może", "moze"), (" ty(?= [^\\W\\d_])",)),
    *_product(
        ("ty",),
        (
            " (?:masz|jeste[śs]|wiesz|mo[żz]esz|chcesz|robisz|idziesz|b[eę]dziesz|by[łl]e[śs]|by[łl]a[śs]|te[żz]|sam|sama|"
            "pierwsz[ya]|zaczynasz|decydujesz|wybierasz|prowadzisz|bierzesz)\\b",
        ),
    ),
)
# A thanks word naming a thing is talked about, not said: "a missing thanks popup", "the thanks email template",
# "1周年感謝キャンペーン" (an anniversary thank-you campaign), "감사 이벤트"
_words(
    "noop",
    *_product(
        ("thanks", "thank you", "thank-you"),
        (" (?:popup|pop-up|modal|dialog|screen|page|banner|button|template|e-?mail|card|flow|step|campaign|event)s?",),
    ),
)
_words(
    "noop",
    *_product(
        ("感謝", "感谢", "感恩"),
        (
            "キャンペーン",
            "セール",
            "イベント",
            "デー",
            "企画",
            "フェア",
            "価格",
            "特価",
            "プレゼント",
            "状",
            "活动",
            "回馈",
            "回饋",
            "信",
        ),
    ),
    *_product(("감사",), (" 이벤트", "이벤트", " 캠페인", "제", " 인사")),
    guard_end=False,
)
_words(
    "noop",
    "thank (?:god|goodness|heavens?|the lord|the gods|fuck|christ|jesus|science|the stars)",
    # …in the other languages: "gracias a Dios no pasó nada", "graças a Deus", "Gott sei Dank", "grazie a Dio"
    "gracias a dios",
    "gra[çc]as a deus",
    "gott sei dank",
    "grazie a dio",
    "grazie al cielo",  # "grazie al cielo, in magazzino abbiamo già i colli pronti" (thank heavens)
    "gracias al cielo",
    # thanks to one's past self: "고맙다 작년의 나" (thanks, last year's me)
    *_product(("고맙다", "고마워", "감사"), (" (?:작년|과거|어제|지난주)의 나",)),
    # thanks handed on, or a thanks that was a gift: "thank them not me", "a customer sent me airtime as thanks :joy:",
    # "the contact centre team gave us them as a thank you!"
    "thank (?:them|him|her),? not me",
    "as (?:a )?(?:thanks|thank[- ]you)(?! (?:to|for)\\b)(?<!counts as thanks)(?<!count as thanks)",
    "nessuno da ringraziare",  # "nessuno da ringraziare tranne il vendor" (nobody to thank)
    "dieu merci",
    "dank(?:e)? gott",
    "слава богу",
    "bogu dzi[eę]ki",  # Polish: "Bogu dzięki, bo GLS miał już limit prawie wyczerpany"
    "dzi[eę]ki bogu",
    "shout-?out to myself",
    # a thanks planned, not said: "ricordarmi di ringraziare <@A> alla retro", "remind me to thank <@A>"
    "ricordarmi di ringraziare",
    "remind me to thank",
    "note to self: thank",
    *_product(("the ",), ("thank[- ]?you", "thanks"), ("", " \\w+")),
    "thank[- ]?you (?:page|note|card|e-?mail|mail|letter|gift|message|screen|video|speech|template|button|banner"
    "|flow|step|modal|dialog|popup)s?",
    *_product(
        ("the", "a", "an", "our", "your", "my", "this", "that", "his", "her", "their"),
        # (not Polish "A kudos dla <@A>", which is "and kudos to A", nor "<@A> the hero we needed 🙏", which is the
        # praise itself)
        (
            " (?:kudos|props|shout[- ]?outs?|cheers|hero|legend|mvp|thankful)(?! dla\\b)(?! (?:we|i) (?:need|needed|deserve)\\b)",
        ),
    ),
    *_product(
        (
            "you",
            "u",
            "they",
            "he",
            "she",
            "did you",
            "have you",
            "did we",
            "have we",
            "do we",
            "did anyone",
            "did anybody",
            "did someone",
            "did somebody",
            "has anyone",
            "anyone",
            "anybody",
            "someone",
            "somebody",
            "nobody",
            "no one",
            "should we",
            "we should",
            "remember to",
            "don't forget to",
            "dont forget to",
            "forgot to",
            "can you",
            "could you",
            "would you",
            "should",
            "need to",
            "make sure to",
            "make sure you",
            "be sure to",
            "remind me to",
            "reminder to",
            "go",
        ),
        # Talk about thanking, not thanks: "did you ever thank <@B>?", "we should all say thanks to <@A>"
        (
            " (?:(?:ever|already|even|actually|properly|officially|all|both|also|really|personally|publicly|at least) )?"
            "(?:thank|say thanks|say thank you|send (?:a )?(?:thanks|thank[- ]you))",
        ),
    ),
    # The same talk about thanking elsewhere: Spanish "¿le diste las gracias a <@B>?", French "il faut
    # remercier <@B>", Dutch "heb je <@B> al bedankt?" (where "bedankt" is "thanked", not "thanks").
    *_product(
        ("le ", "les ", ""),
        ("diste", "disteis", "dio", "dieron", "dimos", "dale", "denle"),
        (" las gracias",),
    ),
    # …but "quería aprovechar para dar las gracias a…" is the author's own thanks
    *[
        verb
        + "".join(
            f"(?<!\\b{w} {verb})"
            for w in ("quería", "quiero", "quisiera", "queremos", "gustaría", "aprovechar para", "aprovecho para")
        )
        + " las gracias"
        for verb in ("dar", "darle", "darles")
    ],
    *_product(
        ("il faut", "faut", "on doit", "on devrait", "pense à", "penser à", "n'oublie pas de", "oublie pas de"),
        (" remercier",),
    ),
    *_product(
        ("heb je", "heb jij", "hebben we", "hebben jullie", "heeft iemand", "hebt u"), (" (?:[^\\s?]+ ){0,4}bedankt",)
    ),
    f"give (?:{M} )?(?:some )?(?:kudos|props|a shout[- ]?out|thanks)",
    # Talk about a thanks, not one given: "o agradecimento ao cliente precisa ir hoje", "los agradecimientos van al final".
    *_product(
        ("o", "os", "el", "los", "i", "gli", "del", "dos", "do"),
        (" (?:agradecimentos?|agradecimientos?|ringraziamenti)",),
    ),
    # A causal "thanks to" a thing names no one: "<@A> thanks to the migration the dashboard is full of #N/A!"
    # …but "thanks to the 6 East nurses for…, and to <@A> for coordinating" thanks the people it goes on to name.
    # So does "thanks to the team and especially <@A> who stayed late".
    f"thanks to (?:the|this|that|these|those|our|a|an|its)(?![^.!?\\n]{{0,200}}?\\b(?:and (?:also )?to {M}|"
    # "Huge thanks to the kitchen team and <@A> for the late-night pizza"
    f"and (?:also )?{M} for\\b|"
    f"(?:especially|particularly|specially|in particular|above all|most of all),? (?:to )?{M}(?!['’]s\\b)))"
    # …and so does a thing someone made: "(thanks to the review from <@A>)" (the rules read the credit, _WORK_OF)
    f"(?![^.!?\\n,;:()]{{1,40}}? (?:by|from) {M})",
    *_product(("said", "says", "saying"), (" (?:thanks|thank you)",)),
    # The same report of someone else's thanks in the other languages: "dijo gracias", "a dit merci",
    # "teşekkürler dedi", "сказал спасибо".
    *_product(
        (
            "dijo",
            "dice",
            "disse",
            "diz",
            "a dit",
            "dit",
            "sagte",
            "sagt",
            "zei",
            "sa",
            "powiedział",
            "powiedziała",
            "сказал",
            "сказала",
            "είπε",
        ),
        (f" (?:{_THANKS_WORDS})",),
    ),
    *[f"{word} (?:dedi|diyor|dedim)" for word in _THANKS_WORDS.split("|")],
    # Talk about the word: "lol we say thanks a lot in this company <@A>", "people type ty for everything" — but "we
    # say thank you to <@A> for…" thanks A.
    *_product(
        ("we", "you guys", "y'all"),
        (
            f" (?:(?:always|often|usually|never|just|still|really) )?(?:say|type|write|use) "
            f"(?:thanks|thank you|thx|ty)(?! (?:to|for)\\b)(?![,!]? ?{M})",
        ),
    ),
    *_product(
        ("people", "everyone", "everybody", "nobody", "folks"),
        (
            f" (?:(?:always|often|usually|never|just|still|really) )?(?:say|says|type|types|write|writes|use|uses) "
            f"(?:thanks|thank you|thx|ty)(?! to\\b)(?![,!]? ?{M})",
        ),
    ),
    "tack(?:ed|ing)? on",  # English "tack on", not Swedish "tack"
    # the word taught or learned: "you already know ameseginalehu, that's the most important word"
    *_product(("know", "learned", "learnt", "learn", "word", "means", "say"), (" (?:betam )?amese?ginalehu",)),
    # "had the maps out 40 min before anyone else": a comparison, not the request "anyone?"
    *_product(("before", "than", "like", "unlike"), (" anyone(?: else)?",)),
    # Turkish "sorun yok, sağ ol" is "no problem, thanks" — not the refusal "yok, sağ ol".
    *_product(("sorun", "problem", "dert"), (" yok",)),
    *_product(("not", "feel", "felt", "feels", "feeling", "legally", "contractually"), (" obliged",)),
    f"cheers to (?!{M})[^\\W\\d_]+",  # a toast ("cheers to the end of Q3"); "cheers to <@A>" is still thanks
    # Portuguese "sou obrigado a reiniciar" is "I am obliged to restart", not "thank you".
    *_product(
        (
            "sou",
            "fui",
            "estou",
            "esta",
            "está",
            "estamos",
            "somos",
            "foi",
            "foram",
            "fomos",
            "ser",
            "serei",
            "seremos",
            "sendo",
        ),
        (" obrigad[oa]s? a",),
    ),
    # Owing someone a task is not gratitude: "we owe you the numbers", "I owe <@B> a review".
    *_product(("i ", "we ", "i'll ", "ill ", ""), (f"owe (?:{_OWED_YOU}|{M}) (?!{_DEBT}\\b){_TASK_DETERMINER}",)),
)
_words(
    "strong",
    # "I owe you", "I owe you one <@A>", "we owe you a round", "owe ya big time": the debt is consumed
    # with the cue so the mention after it is the addressee.
    *_product(("i", "we"), (f" owe {_OWED_YOU}(?: {_DEBT})?",)),
    f"owe (?:you|u|ya|y'all) {_DEBT}",
    *_product(("i", "we"), (f" owe(?= ?{M})",)),
    # The same idiom elsewhere: Spanish, Portuguese, Italian, French, German.
    # (Spanish with "tú" or "usted", and the treat it is paid in: "<@A> te debo unos tacos", "Le debo una grande")
    *_product(
        ("te debo", "le debo"),
        (
            " una",
            " (?:dos|otra|una más|varias)",  # "jajaja te debo dos"
            " (?:un|una|unos|unas) (?:tacos?|cervezas?|birras?|chelas?|caf[ée]s?|asados?|empanadas?|alfajores|helados?|"
            "pizzas?|comidas?|cenas?|almuerzos?|vermuts?|cañas?|tapas|favor)",
        ),
    ),
    # Catalan "T'en dec una!", German "Ich schulde <@A> was" (I owe A one)
    "t'en dec una",
    f"ich schulde(?= {M} (?:was|einen|eins|ein))",
    "fico a dever-te uma",
    "fico-te a dever uma",
    "devo-te uma",
    "te devo uma",
    "fico te devendo (?:uma|essa)",
    "ti devo (?:un favore|una birra|un caff[èe])",
    "je te dois une? (?:bière|biere|café|cafe|fière chandelle|fiere chandelle)",
    "ich schulde dir (?:was|etwas|ein bier|einen kaffee)",
    *_product(
        ("you", "u"),
        ("", "'ve", " have"),
        (" (?:just |really |totally |literally |seriously )?saved (?:me|my|us|our|the day)",),
    ),
    "saved my (?:life|day|bacon|butt|ass|skin|sanity|weekend|afternoon|morning|evening|night|week|job|neck)",
    # the thing the person made did the saving: "<@A> your script saved me a day", "<@A> the query you shared saved
    # me from writing it myself"
    *_product(
        (
            "your (?:[\\w'-]+ ){1,3}",
            "you (?:shared|wrote|sent|built|made|gave me|posted|suggested|recommended|found|set up) ",
        ),
        (
            "(?:just |really |totally |literally |seriously )?saved (?:me|us|the day|(?:my|our) (?:life|day|bacon|butt|"
            "skin|sanity|weekend|afternoon|morning|evening|night|week|job|neck|release|launch|demo))\\b",
        ),
    ),
    *_product(
        (
            "you're",
            "youre",
            "you are",
            "you two are",
            "you three are",
            "you four are",
            "you lot are",
            "you guys are",
            "you both are",
            "you're both",
            "you are both",
            "you all are",
            "ur",
            "u r",
            "u are",
            "ye're",  # Irish: "ye're both absolute legends"
            "ye're both",
            "ye are",
        ),
        (
            # (with the adjectives said before: "you're a wee gem", "you're stars", "absolute legends"; "you're a good man")
            " (?:an? |the |such an? |my )?(?:(?:absolute|total|real|true|wee|proper|pure|actual|utter) )?(?:best|greatest|"
            "stars?|legends?|hero|heroes|gems?|genius|saint|awesome|amazing|rockstars?|wizards?|life[- ]?savers?|mvps?|man|"
            "goat|machine|champions?|champ|beast|good (?:man|woman|egg|human|soul|one))"
            # "you're the best person to ask" is not praise for help
            # — but "you're the GOAT for proofreading that" is
            "(?! (?:person|people|one|ones|way|option|place|guy|girl|team|bet|part|thing|choice|fit|at|to|in|of|on)\\b)"
            "(?! for (?![^\\W\\d_]+ing\\b))",
        ),
    ),
    "life[- ]?savers?",
    # British "top man <@A>", "cheers, top bloke"
    "top (?:man|woman|lad|lass|bloke|guy|gal)",
    # what a person or their work spared the author, said without a subject after the credit: "handled beautifully by
    # <@A> — saved me from having to log on", "<@A> the filter on the dashboard is 🔥, saved me writing a query" (not
    # "it saved me", "would've saved us")
    f"saved(?<=[,—–:;{EMO}{TYE}] saved) (?:me|us)",
    # …or with the time it spared, whoever's work did it: "<@A>'s reconciliation reports saved us weeks"
    "saved (?:me|us) (?:weeks|days|hours|ages|so much time|tons of time|a ton of time|a lot of time)",
    # the credit said to the person: "<@A> love it 🥰 all credit to you for shipping it in a day!"
    *_product(("all", "full"), (" (?:the )?credit (?:goes )?to (?:you|u)(?: (?:two|both|all|guys))?",)),
    # A catch or a call said to have spared the author something is credit for help: "<@A> clutch catch on the
    # waitlist bug, clinics would've been so confused", "nice save on the issuer outage, that would've taken us an
    # hour" — not a bare "good catch, fixing", which acknowledges a review comment.
    *_product(
        ("good", "great", "nice", "clutch", "excellent", "solid", "awesome", "amazing", "huge", "big"),
        (" ",),
        ("catch", "save", "find", "spot", "call", "shout"),
        # (or said to the person, named right after it: "cert-manager needed a bump too, good call <@A>")
        # (not "good call <@A>, can you take it from here?", which hands over)
        (_SPARED, f"e?s?(?=,? ?{M}(?![^.!?\\n{M[1:-1]}]{{0,12}}\\b(?:can|could|would|will|pls|please)\\b))"),
    ),
    *_product(("you", "u"), (" (?:rock|rule|legend|star|hero|genius|rockstar)",)),
    # "you absolute lifesaver", "you total legend", "you beautiful genius": the praise is the thanks
    *_product(
        ("you", "u", "ya"),
        (
            " (?:absolute|total|utter|actual|real|complete|beautiful|glorious|bloody|magnificent) "
            "(?:legend|life[- ]?saver|hero|star|gem|genius|saint|angel|wizard|rockstar|champ|champion|mvp|goat|"
            "machine|beast|treasure)s?",
            " (?:lifesaver|life saver|gem|saint|angel|champ|champion|treasure|beaut(?:y|ies))s?",
        ),
    ),
    # "<@A> amazing work on the budget, you made my week"
    *_product(
        ("you", "u"), ("(?:'ve| have| just| totally| really)? made my (?:day|week|month|year|morning|night|weekend)",)
    ),
    # "<@A> <@B>, you guys were amazing", "vocês foram incríveis"
    *_product(
        ("you were", "you guys were", "you all were", "y'all were", "you both were", "you two were"),
        (" (?:amazing|incredible|awesome|fantastic|brilliant|superb|legends|heroes|rockstars|the best)",),
    ),
    *_product(
        ("vocês", "voces", "vcs"),
        (" (?:foram|são|sao) (?:incríveis|incriveis|demais|os melhores|sensacionais|fantásticos|fantasticos)",),
    ),
    "my hero",
    # "<@A> MVP", "<@B> MVP 🏆": the title said right after the person, ending the sentence
    f"mvp(?<=[>{M[1:-1]}] mvp)(?=\\s*(?:[!.{EMO}{TYE}{_UEMOJI}]|$))",
    # Hindi "shabash" (well done), "you're an angel", Portuguese "salvou meu dia", "*bows deeply to <@A>*"
    "shabaa?sh",
    "you(?:'re| are) an angel",
    "you(?:'re| are) (?:clutch|goated|the goat)",  # "you're clutch :100:", "evan you're goated :goat:"
    f"all down to(?= ?{M})",  # British credit: "yep – all down to <@A> pointing me at it"
    # "you're an angel / a hero / a star" in more languages: Portuguese "És um anjo <@A>", Norwegian "du er en engel",
    # Flemish "ge zijt een engel", "u zijt een held", Catalan "ets un sol", "ets la millor"; English "you're a star"
    "[ée]s um anjo",
    "du er en engel",
    *_product(("ge", "gij", "u", "jij", "je"), (" (?:zijt|bent) een (?:engel|held|schat|redder|levensredder)",)),
    "ets (?:un sol|la millor|el millor|un crack)",
    "you(?:'re| are) a star",
    # Nigerian and Ghanaian English: "Well done o <@A>", "you too much", "God bless you"; Swahili "noma sana" (brilliant)
    "well done o",
    f"you (?:are )?too much(?=\\s*[!{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$| ?{M})",
    "god bless you",
    "noma sana",
    # Afrikaans "goeie vangs" (good catch), "goed gedoen" (well done)
    "goeie vangs",
    "goed gedoen",
    # "<@A> ти легенда" (Ukrainian: you're a legend), "<@A> jsi poklad" (Czech: you're a treasure)
    # "救命恩人 🙏" (my lifesaver), Korean "<@A> 최고예요" (you're the best), "진짜 살았어요" (you saved me),
    # (and Japanese "ナイス", below)
    "救命恩人",
    "최고(?:예요|에요|입니다|야)",
    # …and said right after the person, alone: "<@A> 최고최고 👍👍", "<@A> 지호님 최고 👍", "두 분 최고 👍👍" (not "현장 반응 최고")
    f"최고(?:(?<=[>{M[1:-1]}] 최고)|(?<=님 최고)|(?<=님최고)|(?<=분 최고))(?:최고)*"
    f"(?=\\s*(?:[!.~💯{EMO}{TYE}{_UEMOJI}]|$|ㅠ|ㅎ|…)| (?:바로|진짜)\\b)",
    "살았(?:어요|습니다|다)",
    "ти легенда",
    "ты легенда",
    # "I owe you a beer": Russian "с меня пиво", Norwegian "skuldar deg ein øl" / "skylder deg en øl"
    "с меня (?:пиво|кофе|пицца|ужин|шоколадка|торт|обед)",
    "з мене (?:пиво|кава|піца|вечеря|шоколадка|торт|обід)",
    *_product(("skuldar", "skylder"), (" (?:deg|dig) (?:ein|en|eit|et) (?:øl|kaffe|pils|middag|pizza)",)),
    # Polish "wiszę ci kawę" (I owe you a coffee), "złota jesteś" / "jesteś złota" (you're gold)
    "wisz[eę] ci (?:kaw[eę]|piwo|obiad|pizz[eę]|lunch)",
    "z[łl]ot(?:a|y) jeste[śs]",
    "jeste[śs] (?:z[łl]ot(?:a|y)|najlepsz(?:a|y)|wielk(?:a|i))",
    # Colombian "Dios le pague" (God repay you)
    "dios (?:le|te|les) pague",
    # Taglish "the best ka <@A>" (you're the best), Indonesian "lo emang penyelamat" (you really are a lifesaver)
    f"best ka(?= {M}|\\s*[!{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$)",
    *_product(("lo", "lu", "kamu", "kau", "you"), (" (?:emang |memang )?penyelamat",)),
    "jsi poklad",
    # "<@A> ти наш герой", "ты монстр", Hebrew "<@A> את אלופה" (you're a champion), "כל הכבוד ל-<@A>" / "יישר כוח"
    # (well done), German "Du bist Gold wert <@A>", "Respekt <@A>", Russian "респект <@A> за…"
    "ти (?:наш |наша |мій |моя |справжній |справжня )?(?:герой|героїня|монстр|геній|найкращий|найкраща)",
    "ты (?:наш |наша |мой |моя |настоящий |настоящая )?(?:герой|героиня|монстр|гений|лучший|лучшая)",
    *_product(("את", "אתה"), (" (?:אלופה|אלוף|תותח|תותחית|גאון|גאונה|מלך|מלכה|אגדה|הכי טובה|הכי טוב)",)),
    # "יא מלך 👑" (you king), "תבורך 🙏" (bless you), "מחזיק לך אחת" / "חייבת לך בירה" (I owe you one / a beer),
    # "אני רוצה להודות ל-<@A>" (I want to thank), "מרסי", "רספקט ל-<@A>"
    *_product(("יא",), (" (?:מלך|מלכה|אלוף|אלופה|תותח|תותחית|גבר)",)),
    "תבורכ(?:י|ו)?",
    "מחזיק(?:ה)? לך אחת",
    "חייב(?:ת|ים)? לך(?: (?:בירה|אחת|קפה|ארוחה))?",  # (and alone: "<@A> … חייבת לך :pray:")
    f"להודות ל-?(?= ?{M})",
    "מרסי",
    f"רספקט ל-?(?= ?{M})",
    # …to several ("<@A> <@B> … אתם תותחים"); "אין עליך" (there's none like you), "כפרה עליך" (bless you), "ח"ח" (thanks)
    *_product(("אתם", "אתן"), (" (?:תותחים|תותחיות|אלופים|אלופות|מלכים|מלכות|גאונים)",)),
    "אין על(?:יך|ייך|יכם|יכן)",
    "כפרה על(?:יך|ייך|יכם)",
    'ח"ח',
    "חן חן",
    # "<@A> <@B> הצלתם לי את היום" (you saved my day), "זה הציל אותנו" (it saved us)
    "הצלת(?:ם)? לי",
    "הציל(?:ה)? אותנו",
    # the title said to the person, after them, after an emoji or after a sentence: "<@A> אלוף, הדיסק ירד ל-52%",
    # "<@A> 180ms 🚀 אלוף", "<@A> מלכה 👑 זה היה הדבר האחרון", "<@A> <@B> מלכות 👑"; opening a reply ("אלופות 🙌") or
    # before the person ("וואלה עבד, אלופה <@A>")
    *[
        f"{title}(?:(?<=[>{M[1:-1]}] {title})|(?<=[{TYE}{EMO}{_UEMOJI}] {title})|(?<=[.!,] {title})|(?<=^ {title}))"
        f"(?=\\s*(?:[!.,:{EMO}{TYE}{_UEMOJI}]|$)| ?{M})"
        for title in ("אלוף", "אלופה", "מלך", "מלכה", "מלכות", "מלכים", "אלופים", "אלופות", "תותחים")
    ],
    f"כל הכבוד ל-?(?={M})",
    f"יישר כוח ל-?(?={M})",
    *_product(("bist", "seid"), (" gold wert",)),
    f"respekt(?=[,!]? {M})",
    # "tu gères <@A>, le fix a déjà libéré 40Go", "tu me sauves la vie <@A>"; "<@A> вже пішло, респект 🫡"
    "tu g[eè]res",
    "tu me sauves(?: la vie| la mise| la journée)?",
    f"props dla(?= {M})",
    f"респект(?=[,!]? {M}| ?🫡)",
    # a title said right after the person, ending the phrase: "<@A> legend, sending it over", "<@A> genia :heart:",
    # "<@A> hero!" (like "<@A> MVP" above)
    *[
        f"{title}(?<=[>{M[1:-1]}] {title})(?=\\s*(?:[!.,:{EMO}{TYE}{_UEMOJI}]|$))"  # (":" opens a shortcode)
        for title in (*_TITLES, "champ", "герой", "arrasou", "arrasaste", "salvavidas")
    ],
    # …or opening a reply or after its first sentence, said to the thread's author: "IDOLO. Esto es exactamente lo que
    # necesitaba", "Legend!!", "ahh 1:40 nu. held :muscle:"
    *[
        f"{title}(?:(?<=^ {title})|(?<=[.!] {title}))(?=\\s*(?:[!.,{EMO}{TYE}{_UEMOJI}]|$|:[a-z0-9_+-]+:))"
        for title in (*_TITLES, "ídola", "idola", "maestro", "máquina", "maquina", "held", "topper", "kanjer")
    ],
    # Québécois: "j'te dois une bière", "T'es un champion <@A>", "Mon héros <@A>", "Bonne pogne <@A>" (good catch)
    "j['’]?te dois une? (?:bière|biere|café|cafe|lunch|poutine)",
    "t['’]es (?:un champion|une championne|un héros|une héroïne|un génie|une génie|malade|une machine|un boss)",
    f"mon h[ée]ros(?= ?{M}|\\s*[!{EMO}{TYE}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:| ?$)",
    f"bonne pogne(?= ?{M}| ?[!,])",
    "salvou (?:meu|o meu|minha) (?:dia|vida|semana|noite|pele)",
    f"bows (?:deeply |down )?to(?= ?{M})",
    f"bows(?= {{1,3}}{M})",  # "*bows* <@A> the FAQ you wrote is exactly what I needed" (the stars read as spaces)
    # "*verbeugt sich vor <@A>*", "*hugs* <@A> for the new fixtures", "*virtual hug* to <@A> for staying late"
    f"verbeugt sich vor(?= ?{M})",
    *_product(("virtual ", "big ", ""), (f"hugs?\\s+(?:to |for )?(?= ?{M} for\\b)",)),
    # Swedish "du räddade mitt liv" (you saved my life), Indonesian "aku utang traktiran" (I owe you a treat),
    # "kamu jenius" (you're a genius)
    "du r[äa]ddade (?:mitt liv|min dag|mig|veckan|kv[äa]llen|helgen)",
    "utang traktiran",
    *_product(("kamu", "lo", "lu", "kau"), (" (?:emang |memang )?jenius",)),
    # Australian "good on ya" (well done, thanks): "<@A> good on ya, you're a champion"
    "good on (?:ya|you|yer)",
    # Hebrew "תותח" (a cannon: you rock), said to the person: "<@A> תותח, השאילתה עובדת"
    "תותח(?:ית)?",
    # "Gotta give credit to <@A>:", "I have to give credit to <@A> here"
    *_product(
        ("gotta", "have to", "got to", "must", "i'll", "i'd", "want to"), (f" give (?:some |the )?credit to(?= ?{M})",)
    ),
    # German: "Großes Kompliment an euch beide <@A> <@B>", "ich möchte mich nochmal bei <@A> bedanken"
    "kompliment an(?= )",
    f"bedanken(?<=[>{M[1:-1]}] bedanken)",
    # "you get my undying gratitude", "you have my eternal gratitude"
    *_product(("my", "our"), (" (?:undying|eternal|everlasting|deepest|sincere|heartfelt) gratitude",)),
    # "<@A> du Legende", "<@A> du bist eine Maschine", "<@A> תותח", "<@A> 최고예요", "救命恩人 🙏", "qué crack <@A>"
    "du legende",
    "du bist (?:eine maschine|der beste|die beste|ein held|eine heldin|spitze)",
    "qu[eé] crack",
    "son unos cracks",
    "sos un(?:a)? (?:crack|genio|genia|capo|capa|idol[oa]|dur[oa]|gros[oa]|tesoro)",
    "eres (?:un sol|un crack|lo máximo|lo maximo|un amor|una joya|un genio|una genia)",
    "te la rifaste",
    # Praise said of the person named right before it: "<@A> is the real MVP", "<@A> and <@B> are absolute legends",
    # "<@A> was a lifesaver today" (the verb is taken along: "the MVP" alone is talk, "the MVP award")
    *[
        f"{verb}(?<=[>{M[1:-1]}] {verb}) (?:honestly |truly |really |literally |officially |definitely |absolutely |"
        "seriously |once again |again )?(?:the|a|an|our|my|absolute|total|real|such an?) "
        "(?:(?:real|absolute|total|true|actual|unsung) )?(?:mvps?|legends?|heroe?s?|life[- ]?savers?|rockstars?|gems?|goats?"
        "|saints?|champs?)(?! (?:image|banner|section|shot|award|badge|card|text|video|button|list|tier)s?\\b| in (?:his|her|their|its) own\\b|\\s*\\?)"
        for verb in ("is", "was", "are", "were")
    ],
    # "<@A> props for pausing the rule so fast", said to the person (not "pass props for the header")
    # (it takes the "for" along: a phrase's kind is remembered by its text, and "props" alone is a kudos)
    # (the pre-filter reads raw text, where a mention ends in ">")
    f"props for(?<=[>{M[1:-1]}] props for)(?= [^\\W\\d_]+ing\\b| (?:the|that|your) (?:quick |fast |great )?(?:save|catch|fix|rescue|help)\\b)",
    "the real mvp",
    # "<@A> MVP of the week, no contest", "MVP of the night goes to <@A>"
    "mvp of the (?:day|night|week|month|year|sprint|quarter|season|launch)",
    # "<@A> eres la MVP de la semana"
    *_product(("eres", "sos", "es"), (" (?:el|la) mvp",)),
    # "Hero of the week: <@A>, who drove out at 2am", "Held van de week: <@A>", "Held der Woche: <@A>"
    # (named with it, not announced: "Held van de week wordt vrijdag bekendgemaakt")
    *_product(
        ("hero", "heroes", "star", "legend"),
        (
            f" of the (?:day|night|week|month|sprint|launch)(?=\\s*[:!,—–{EMO}{TYE}{_UEMOJI}-]|\\s*:[a-z0-9_+-]+:| ?{M}| ?$| (?:goes to|is|was)\\b)",
        ),
    ),
    *_product(
        ("held", "helden", "heldin", "topper"), (f" van de (?:dag|week|maand|nacht)(?= ?[:!,—–-]| ?{M}| is\\b)",)
    ),
    *_product(
        ("held", "helden", "heldin"),
        (f" (?:der|des) (?:woche|tages|monats|nacht)(?= ?[:!,—–-]| ?{M}| (?:ist|war)\\b)",),
    ),
    "bless you",
    "what a legend",
    "absolute legend",
    "absolute hero",
    "such a hero",
    "what a hero",
    # "we couldn't have done it without you", "you carried this whole year"
    *_product(
        ("couldn't", "could not", "couldnt", "wouldn't", "would not"),
        (
            # (or "couldn't have got here without you lot", "…pulled it off without you", "…without your test matrix"), or
            # named: "Couldn't have done it without <@A>'s live walkthrough and <@B>'s CSV template"
            f" have {_DONE_IT} without (?:you|u|ya|your)\\b",
            f" have {_DONE_IT} without(?= {M})",
        ),
    ),
    "you carried (?:this|the|us|me|our|it)",
    # Praise as thanks elsewhere: "¡eres un sol!", "t'es un amour", "du bist ein Schatz", "sei un tesoro",
    # "você é demais", "je bent een topper", "du är bäst", "jesteś wielki", "sen bir tanesin", "ты лучший"
    # (and said with "usted": "usted es lo máximo <@A>", "usted es un duro")
    *_product(
        ("usted es",),
        (" (?:lo máximo|lo maximo|un duro|una dura|un crack|una crack|un sol|un ángel|un angel|el mejor|la mejor)",),
    ),
    *_product(
        ("eres", "sos"),
        (
            " (?:un sol|un amor|un crack|una crack|lo máximo|lo maximo|lo más|lo mas|el mejor|la mejor|un genio|una genia|un ángel|un angel)",
        ),
    ),
    *_product(
        ("t'es", "tu es", "vous êtes"),
        (
            " (?:un amour|une star|le meilleur|la meilleure|au top|top|génial|géniale|géniaux|géniales|des stars|incroyables"
            # "t'es une crème", "t'es un chef", "t'es un crack", "t'es un ange", "t'es trop forte"
            "|une crème|une creme|un chef|une cheffe|un crack|une crack|un ange|trop fort|trop forte|un boss|une boss)",
        ),
    ),
    *_product(("du bist", "ihr seid"), (" (?:ein schatz|die beste|der beste|die besten|spitze|super|großartig)",)),
    # "Du bist ein Ehrenmann", "ihr seid Ehrenmänner", "Ehrenfrau!"
    *_product(
        ("du bist", "ihr seid"),
        (" (?:ein |eine )?(?:ehrenmann|ehrenfrau|ehrenmänner|ehrenfrauen|held|heldin|legende)",),
    ),
    *_product(("sei", "siete"), (" (?:un tesoro|un mito|il migliore|la migliore|un grande|una grande|un angelo)",)),
    *_product(
        ("você é", "voce é", "vc é", "tu é", "tu és"), (" (?:demais|o melhor|a melhor|um anjo|incrível|incrivel)",)
    ),
    *_product(("je bent", "jij bent"), (" (?:een topper|een held|de beste|geweldig|een kei)",)),
    # Flemish: "Ge zijt ne topper <@A>", "gij zijt ne held"
    *_product(("ge zijt", "gij zijt"), (" (?:ne|een) (?:topper|held|kei|crack|schat)",)),
    *_product(("du är",), (" (?:bäst|en stjärna|en klippa|guld|ett geni|en ängel|en hjälte|en legend|guld värd)",)),
    # Norwegian and Danish: "Du er en helt, takk!", "Du er gull verdt 💛", "du er et geni"
    *_product(("du er",), (" (?:en helt|et geni|en engel|en legende|gull verdt|best|den beste|en stjerne|en klippe)",)),
    *_product(("jesteś", "jestes"), (" (?:wielki|wielka|najlepsz[ya]|złot[ya]|zloty|aniołem)",)),
    "sen bir tanesin",
    # "you're a lifesaver" / "you saved me" in the other supported languages: "eres un salvavidas", "me salvaste la
    # vida", "você é um salva-vidas", "tu m'as sauvé", "du bist mein Lebensretter", "mi hai salvato", "je hebt me
    # gered", "uratowałeś mi życie", "hayatımı kurtardın", "ты меня спас", "kamu penyelamatku", "bạn là cứu tinh"
    *_product(("eres", "sos"), (" (?:un|una|mi) (?:salvavidas|salvador|salvadora)",)),
    "me (?:salvaste|has salvado|salvasteis|habéis salvado|salvás|salvas)",  # (voseo: "de nuevo me salvás")
    # Rioplatense "te pasaste" (you outdid yourself): "ohh perfecto. te pasaste <@A>", "<@A> te pasaste!!"
    f"te pasaste(?= ?!| ?{M}|\\s*[:{TYE}{EMO}{_UEMOJI}]|\\s*$)",
    # Catalan "m'has salvat la setmana", "ets la meva salvadora"
    "m['’]has salvat",
    "ets (?:el meu salvador|la meva salvadora)",
    *_product(("você é", "voce é", "vc é", "tu és", "tu é"), (" (?:um|uma|meu|minha) salva-?vidas",)),
    *_product(("você", "voce", "vc", "tu"), (" (?:me )?salvou",)),
    # …and said after the person: "<@A> arrasou. … salvou a gente", "me salvou com aquele produtor"
    "me salvou(?<!ningu[ée]m me salvou)(?<!n[ãa]o me salvou)",
    "nos salvou(?<!ningu[ée]m nos salvou)(?<!n[ãa]o nos salvou)",
    "salvou a gente",
    # "boa pegada, <@A>!!" (good catch)
    f"boa pegada(?=[,!]? ?{M})",
    *_product(("tu m'as", "vous m'avez", "t'as"), (" (?:sauvée?|sauvé la vie|sauvé la mise|sauvé la journée)",)),
    *_product(("t'es", "tu es", "vous êtes"), (" (?:mon|notre) sauveur",)),
    *_product(
        ("du bist", "ihr seid"),
        (" (?:ein|mein|meine|eine|unser|unsere) (?:lebensretter(?:in)?|retter(?:in)?|held(?:in)?)",),
    ),
    "du hast mi(?:ch|r den tag|r das leben) gerettet",
    # Swiss German "du bisch en Lebensretter"; Polish "Kłaniam się w pas <@A>" (I bow to the waist)
    "du bisch (?:en|e|de|d) (?:lebensretter(?:in)?|held(?:in)?|schatz|bescht)",
    "kłaniam się(?: w pas| nisko)?",
    "mi (?:hai|avete) salvat[oa](?: la vita| la giornata)?",
    "sei (?:un|il mio) salvavita",
    "je (?:hebt|heeft) (?:me|mij|ons) gered",
    "je bent een levensredder",
    # "<@A> ik ben u een pint schuldig 🍺" (I owe you a pint)
    "ik ben (?:je|jou|u|jullie) (?:er )?(?:een|nog een|eentje)(?: [^\\W\\d_]+){0,2} schuldig",
    # "namens het managementteam wil ik <@A>, <@B> en <@C> hartelijk bedanken voor hun inzet"
    "hartelijk bedanken",
    # "<@A> <@B> … jullie zijn helden :star2:", "je bent een topper"
    "jullie zijn (?:helden|toppers|kanjers|geweldig|de beste|top)",
    "je bent een (?:held|topper|kanjer|schat)",
    "uratował(?:eś|aś|eście) mi",
    "ratujesz mi (?:życie|tyłek|skórę|poranki|dzień|tydzień|wieczór)",
    "hayat[ıi]m[ıi] kurtard[ıi]n",
    "hayat kurtard[ıi]n(?:[ıi]z)?",
    "hayat kurtar[ıi]yor",
    "beni kurtard[ıi]n",
    "kurtar[ıi]c[ıi]ms[ıi]n",  # "ah, tam aradığım. kurtarıcımsın <@A>" (you are my saviour)
    *_product(("ты", "вы"), (" (?:меня )?спас(?:ла|ли)?(?: меня)?",)),
    *_product(("kamu", "anda", "lo", "lu"), (" (?:penyelamat|menyelamatkan)",)),
    "penyelamatku",
    "cứu tinh",
    # romanised Hindi: "bhai tu toh hero nikla", "aap toh legend ho", "tune bacha liya"
    *_product(
        ("tu", "tum", "aap", "ap"),
        (
            " (?:toh |to )(?:hero|legend|star|champion|rockstar|genius|boss|best)",
            " (?:hero|legend|star|champion|rockstar|genius|boss) (?:nikla|nikli|ho|hai|hain)",
        ),
    ),
    *_product(("tune", "tumne", "aapne"), (" (?:toh )?(?:bacha|bachaa) li(?:ya|ye|a)?",)),
    "jaan bacha l[ie]",
    *_product(("ты", "вы"), (" (?:лучший|лучшая|лучшие|золото|супер)",)),
    f"legend(?= ?!|,? thank| ?$| ?{M})",  # "legend <@A>, green na lahat"
    # "<@A> you're doing the lord's work" — from the noun, which few words start with (a phrase led by "doing" would
    # be tried at every such word) — and Hinglish "bhai <@A> tu bhagwan hai" (you're a god)
    "lord['’]?s work",
    "god['’]?s work",
    *_product(("tu", "tum", "aap"), (" (?:toh |sach mein )?bhagwan (?:hai|ho|hain)",)),  # ("tu" leads others already)
    # a bow acted out: "<@A> *bows deeply* it looks stunning", Swedish "*bugar djupt* 🙇‍♀️"
    "bows deeply",
    "bowing deeply",
    "deep bow",
    "bugar djupt",
    "buigt diep",  # Dutch: "*buigt diep voor <@A>* die vanmiddag nog een regressie draaide"
    # one more voice in a thread of credit: "seconding the <@A> appreciation, he reviewed every PR of mine"
    f"seconding(?= (?:the |all the )?{M}(?:['’]s)? (?:appreciation|shout-?out|kudos|props|love|praise)\\b)",
    # Swedish "din fallback räddade julen" (saved Christmas), "räddade oss i natt" (saved us); Norwegian "reddet oss"
    "räddade (?:oss|mig|dagen|julen|helgen|veckan|releasen|kvällen|natten)",
    "reddet (?:oss|meg|dagen|julen|helgen|uka)",
    # Greek "ήταν σωτήριο" (was a lifesaver), "με έσωσες" (you saved me), "σε χρωστάω" (I owe you)
    "σωτήρι(?:ο|ος|α)",
    "με έσωσες",
    "μας έσωσες",
    "σε χρωστάω",
    "σου χρωστάω",
    "σώθηκα",  # "σώθηκα 🙏" (I'm saved)
    # Tagalog "utang ko sa'yo 'to <@A>!" (I owe you this one)
    "utang ko sa(?:'|’)?yo(?: (?:'|’)?to)?",
    "may utang (?:ako|ko) sa(?:'|’)?yo",
    "utang na loob",  # Tagalog (a debt of gratitude): "Utang na loob ko po kay <@A>, nag-stay siya hanggang 8pm"
    # Greeklish "sou xrwstaw ena kafe <@A>" (I owe you a coffee)
    *_product(("sou", "se"), (" xr[wo]sta(?:w|o)",)),
    "σου χρωστ[άα]ω",  # …and in Greek script: "<@A> ναι please, σου χρωστάω ένα τσίπουρο 🍶"
)
_words(
    "kudos",
    "kudos",
    # Hebrew "credit (in full / huge) to": "קרדיט מלא ל-<@A> ול-<@B> שהכינו הכל", "קרדיט ענק ל-<@A>"
    f"קרדיט(?: מלא| ענק| ענקי)?(?= ל-?{M})",
    "kudos-(?:runde|ecke|liste|zeit|round|corner|time|thread)",  # "Kudos-Runde der Woche:" heading a list
    *_product(("big", "major", "huge", "mad", "serious", "massive"), (" props",)),
    # (Spanish "props a <@A>", French "props à", Dutch "props aan", Indonesian "props ke" too)
    # (German "Props an <@A>" too; and "props también a <@A>")
    # (Greek "Props στη <@A>", Tagalog "props sa <@A>", "props kay <@A>")
    f"props(?=(?: también| too| aussi| auch| also)? (?:to |a |à |aan |an |ke |pour |para |voor |pro |pra |dla |do |"
    f"στη |στην |στον |στο |sa |kay |kina )?{M}"
    "| ?[!:,]| ?$| to )",
    f"propsy(?= (?:dla |do )?{M})",  # Polish: "Propsy dla <@A>"
    # the credit is theirs: "el crédito es suyo", "también merece crédito"
    "el cr[ée]dito es (?:suyo|de ella|de él|todo suyo|tuyo|todo tuyo)",
    f"el cr[ée]dito es (?:todo )?(?:de|para)(?= ?{M})",  # "El crédito es de <@A> que armó la migración"
    "merece(?:n)? (?:el )?cr[ée]dito",
    # (and the singular opening a sentence: "Prop to <@A>, his PR had tests for…" — not "pass the prop to <@A>'s table")
    f"prop to(?:(?<=^ prop to)|(?<=[\\n.!:] prop to))(?= {M}(?!['’]s))",
    "props \\([^()\\n]{1,30}\\)(?= to )",  # "Props (literally) to <@A>"
    # the credit is someone's: "ojo que el mérito de la parte de linaje es de <@A>", "o mérito é todo do <@A>", "Il merito
    # è quasi tutto di <@A> e <@B>"
    f"m[ée]rito(?: [^.!?\\n{M[1:-1]}]{{0,50}}?)? (?:é|es|fue|foi|era|è|e) (?:(?:quasi |casi |quase )?"
    f"(?:tutto|todo|toda|tutta) )?(?:de|d[oa]|del|di|della|dello)(?= {M})",
    # "Mención especial a <@A> por empujar el A/B", "menção especial pro <@A>"
    f"menci[óo]n especial(?= (?:a |para )?{M})",
    f"menção especial(?= (?:a |à |ao |pra |pro |para )?{M})",
    # with Polish "do" (to) taken along: "Shoutout do <@A> z Porto"
    # with "to" taken along in Polish, Indonesian, French, Dutch and Spanish: "Shoutout do <@A> z Porto", "shout-out ke <@A>"
    *_product(
        ("a ", "big ", "huge ", "massive ", "special ", ""),
        (f"shout[- ]?outs?(?: (?:do|ke|à|aan|para|pour|voor)(?= ?{M}))?",),
    ),
    # …and in Cyrillic: "Маленький шаут-аут <@A>: за тиждень перенесла 180 кейсів"
    "шаут[- ]?аут",
    # French "grosse dédicace à <@A>", Spanish "reconocimiento (público) a <@A>", Dutch "een compliment voor <@A>",
    # "*standing ovation pour <@A>*", "*slow clap* for <@A>"
    *_product(("grosse ", ""), (f"d[ée]dicace (?:à|a)(?= ?{M})",)),
    f"reconocimiento (?:p[úu]blico )?(?:a|para)(?= ?{M})",
    *_product(("een ", "a ", "un ", "big ", ""), (f"compliment (?:voor|for|pour|to|aan)(?= ?{M})",)),
    f"standing ovation (?:pour|for|to|para|per|für)(?= ?{M})",
    f"slow clap\\s+(?:for|to|pour)(?= ?{M})",
    "s/o",
    # a nomination in a thread asking who helped: "提名 <@A>，夜班完仲返嚟幫我頂", "Nominating <@A> — she covered…"
    f"提名(?=\\s*{M})",
    f"nominating(?<!for nominating)(?= {M})",  # (not "thanks <@A> for nominating <@B>")
    f"i(?:'d| would)? nominate(?= {M})",
    # "Credits: <@A> for the SOA pivot, <@B> for the YARA rules…"
    f"credits(?=: ?{M} (?:for|on)\\b)",
    # Italian "menzione d'onore per <@A> e <@B>" (an honourable mention), French "mention spéciale à <@A>"
    *_product(
        ("menzione d'onore", "menzione speciale", "mention spéciale", "mention speciale"),
        (f"(?= (?:per|a|à|pour) {M})",),
    ),
    # "Un aplauso para <@A> que me cubrió la demo", "a round of applause for <@A>", "un applauso a <@A>"
    # (not "applause…" alone: a new branch after "app", which "app", "apply" and "approve" would all try)
    *_product(
        ("aplauso", "aplausos", "aplausos de pé", "aplausos de pie", "un applauso", "round of applause"),
        (f"(?= (?:para|pra|pro|per|for|to|a|à) {M})",),
    ),
    # "Credit where it's due: <@A>'s pipeline…", "all credit goes to <@A>", "intercompany clean — credit to
    # <@A>"; not a credit issued to a customer ("issue a credit to <@A>'s account", "apply the credit to…").
    "credit where (?:it'?s |it is |credit'?s |credit is )?due",  # ("Credit where due: <@A> and <@B> 👏")
    f"the credit goes to(?= ?{M})",  # "honestly the credit goes to <@A> and the bargaining team"
    f"credit cho(?= ?{M})",  # Vietnamese: "Credit cho <@A> với <@B> nha anh"
    f"credits? (?:kay|kina|sa)(?= ?{M})",  # Tagalog: "Credits kay <@A> for the edge case list"
    "credit goes to(?= (?:the|our|my) )",  # "Credit goes to the JP translation team — <@A>, <@B>…"
    f"de eer (?:gaat |moet |mag )?(?:ook |echt )?naar(?= ?{M})",  # Dutch: "al moet de eer ook naar <@A>"
    # Irish and British: "<@A> <@B> fair play to the two of ye, that was a lot of work"
    f"fair play(?= to (?:you|ye|u|the two|both|{M})|\\s*[!{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$)",
    f"credit(?<!\\ba credit)(?<!\\bthe credit)(?<!\\bany credit)(?<!\\bno credit)(?<!\\bissue credit)"
    f"(?<!\\bapply credit)(?<!\\bgive credit)(?<!\\bget credit)(?<!\\btake credit) (?:goes |also |too )?to(?= ?{M})",
    "h/t",
    "hat ?tip",
    # "Quick gratitude post before the week runs away: <@A> for the calmest launch…, <@B> for…", "gratitude to <@A>"
    "gratitude (?:post|thread|round|list|corner|time)",
    f"gratitude to(?= ?{M})",
    # "I want to call out a few people specifically:", "wanted to call out some things from this week:" — the people
    # listed under it ("• <@A> ran the service desk…")
    "call out(?<=to call out)",
    # "I want to recognize <@A> for…", "Quiero reconocer a <@A> por el simulacro", "quero reconhecer o <@A>"
    f"recogni[sz]e(?= {M})",
    # Praise of work said to the people who did it: "great work <@A> and <@B> on the migration", "buen trabajo
    # <@A>", "gute Arbeit, <@A>", "bon travail <@A>", "ottimo lavoro <@A>", "goed werk <@A>", "dobra robota <@A>".
    # Led by the noun, checked behind for the adjective: few words start the scan's trie, so it stays fast.
    *[
        noun + "(?:" + "|".join("(?<=\\b" + adjective + " " + noun + ")" for adjective in adjectives.split("|")) + ")"
        f"(?=[,!]? {M})"
        for noun, adjectives in (
            (
                "work",
                "great|nice|good|excellent|amazing|awesome|fantastic|stellar|outstanding|incredible|brilliant|legendary",
            ),
            ("job", "great|nice|good|excellent|amazing|awesome|fantastic|stellar|outstanding|incredible|brilliant"),
            ("trabajo", "buen|gran|excelente"),
            ("trabalho", "bom|ótimo|otimo|excelente"),
            ("arbeit", "gute|super|tolle|starke"),
            ("travail", "bon|beau|excellent"),
            ("one", "nice"),  # "nice one <@A> and <@B>"
            ("find", "great|nice|good|awesome"),  # "great find <@A> &amp; <@B>"
            ("catch", "great|nice|good|awesome"),
            # "great write-up <@A>", "nice recap <@A>", "great detective work <@A>"
            ("write-up", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant"),
            ("writeup", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant"),
            ("recap", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant"),
            ("summary", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant"),
            ("analysis", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant"),
            ("effort", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant|incredible|heroic"),
            ("stuff", "great|nice|good|excellent|amazing|awesome|fantastic|brilliant"),
            ("caught", "well"),  # "Well caught, <@A> 👏"
            ("lavoro", "ottimo|bel|grande"),
            ("werk", "goed|knap|mooi"),
            ("jobbat", "bra"),
            ("jobba", "bra|godt"),  # Norwegian: "Bra jobba <@A> 👏"
            ("jobbet", "bra|godt"),
            ("robota", "dobra|świetna|swietna"),
        )
    ],
    # "well done <@A>!" — not "the steak was well done <@A>"
    f"done(?<=\\bwell done)(?<!was well done)(?<!\\bis well done)(?<!were well done)(?<!\\bbe well done)(?=[,!]? {M})",
    f"reconocer(?= (?:a |al )?{M})",
    # French "le vrai crédit va à <@A>", "le mérite revient à <@A>"
    f"cr[ée]dit va (?:à|a)(?= ?{M})",
    f"m[ée]rite revient (?:à|a)(?= ?{M})",
    f"reconhecer(?: (?:a|o|ao|os|as))?(?= {M})",
    "hats off",
    # "Chapeau <@A> pour le service d'hier soir", "chapó <@A>": hats off, said to the person
    f"chapeau(?=[,!]? {M})",
    f"chap[óo](?=[,!]? {M})",
    f"bravo(?=[,!]? (?:à |a )?{M})",  # "bravo <@A> :clap:", "Bravo à <@A> pour son scoop"
    # Portuguese "Destaque pro <@A> que virou a noite…" (a highlight for A)
    f"destaque(?: especial)?(?= (?:pro|pra|para|ao|à) ?{M})",
    # Spanish, Portuguese, Italian, French: "crédito pra <@A> que achou o padding", "todo el crédito para <@A>",
    # "il merito è di <@A>" — not "crédito para o cliente" (a refund), which names no one
    f"cr[ée]ditos (?:pra|para|pro|pa|al|ao)(?= ?{M})",  # "créditos pro <@A> pela ideia de usar índice BRIN"
    f"cr[ée]dito(?<!\\bum crédito)(?<!\\bun crédito)(?<!\\bo crédito)(?<!\\bel crédito) (?:pra|para|pro|pa|al|a|ao)(?= ?{M})",
    f"merito (?:(?:è|e|va) )?(?:(?:tutto|tutta) )?(?:di|a)(?= ?{M})",  # (and "Merito di <@A> che ha chiamato…")
    # Indonesian "credit juga ke <@A>", "kredit buat <@A>"
    f"credit (?:juga )?(?:ke|buat|untuk)(?= ?{M})",
    "big ups?",
    # "Lifesaver award of the week goes to <@A> 🏆"
    *_product(
        ("award", "prize", "trophy", "medal"),
        (f"(?: of the (?:day|week|month|sprint|quarter))? goes to(?= ?{M})",),
    ),
)
# An offer accepted: "yes please!! danke", "14 please. شكراً", "¡sí, por favor! Gracias", "ja bitte, danke" — a yes or a
# number, then a "please" that ends its sentence or comes before the thanks asks nothing: the thanks after it is for
# the offer. Listed before the "req" phrases of the same words; the lookbehinds are tried only where such a word
# stands, after one test of the character before the space.
_OFFER_COUNTS = ("one", "two", "three", "both", "\\d", "\\d\\d")
_OFFER_YES = (
    *("yes", "yeah", "yep", "yup", "sure", "ok", "okay", "oh", "ooh", "absolutely", "definitely", "me too", "for me"),
    *("sí", "si", "oui", "ja", "jep", "sim", "tak", "evet", "да", "ναι", "ya", "iya", "dạ", "vâng"),
    *_OFFER_COUNTS,
)


def _offer_before(word: str) -> str:
    """Lookbehinds for a yes or a number before `word`, the cheap test of the character before the space first."""
    alts = "|".join(
        # a number or a count only when it opens the answer: "14 please", not "send 2 please"
        f"(?<=\\b{w}{sep}{word})" + (f"(?<![^\\W\\d_] {w}{sep}{word})" if w in _OFFER_COUNTS else "")
        for w in _OFFER_YES
        for sep in (" ", ", ", "! ", "!! ")
    )
    return f"(?<=[a-zíúạngиαι\\d,!] {word})(?:{alts})"


# (it takes the punctuation or the space before an emoji after it: a phrase's kind is remembered by its text, and
# the request is "please"; never the space before a word, which the next phrase needs as its start)
_OFFER_AFTER = rf"(?:[\s,]*[!.…:\n]+|,(?=\s*(?:and )?(?:{_THANKS_WORDS}|cheers)\b)|\s+(?=[{TYE}{EMO}]))"
_words(
    "offer",
    *[
        f"{word}{_offer_before(word)}{_OFFER_AFTER}"
        for word in (
            "please",
            "pls",
            "plz",
            "por favor",
            "porfa",
            "bitte",
            "s'il te pla[iî]t",
            "s'il vous pla[iî]t",
            "svp",
            "stp",
            "per favore",
            "alsjeblieft",
            "prosz[eę]",
            "l[üu]tfen",
        )
    ],
    guard_end=False,
)
# Holidays named after thanks are dates, not gratitude: "勤労感謝の日" (Labour Thanksgiving Day), "感謝祭", "感恩节",
# "추수감사절", "Día de Acción de Gracias", "Dia de Ação de Graças". Longer literals are tried first, so each name
# is consumed before the thanks word inside it.
_words(
    "noop",
    "勤労感謝の日",
    "感謝祭",
    "感謝の日",
    "感恩节",
    "感恩節",
    "추수감사절",
    "추수 감사절",
    guard_end=False,
)
_words("noop", "acci[oó]n de gracias", "a[cç][aã]o de gra[cç]as")
# the thank-you page named in Chinese, Japanese or Korean: "官网 thank-you 页的英文有个 typo", "thank you ページ"
_words("noop", "thank[- ]?you ?(?:页|頁|ページ|페이지|画面|邮件|郵件|メール)", guard_end=False)
# Thanks words of more languages, said in Latin letters: Swahili "asante (sana)", Arabic "shukran", Filipino
# "salamat (po)" / "maraming salamat", Finnish "kiitos", Croatian/Serbian "hvala", Czech "děkuji" / "díky",
# Hungarian "köszönöm", Hawaiian "mahalo" — not Malay/Indonesian "selamat" (greetings), another word.
_words(
    "grat",
    "asante(?: sana| sanaa| nyingi)?",
    # Afrikaans "dankie (bru)", Zulu "ngiyabonga (kakhulu)", Xhosa "enkosi", Twi "medaase (paa)", Yoruba "e se",
    # Igbo "daalụ", Pidgin "tanx"; "ayekoo" (Twi: well done, for work)
    "baie dankie",
    "dankie",
    "ngiyabonga(?: kakhulu)?",
    "siyabonga",
    "enkosi(?: kakhulu)?",
    "medaase(?: paa)?",
    "ayekoo",
    # (with or without its tone marks: "ẹ ṣé gan", "o ṣeun", "ọ ṣé"; Igbo "imela", "dalu"; Hausa "nagode", "Allah ya
    # saka" — may God repay you)
    f"[eẹ] [sṣ][eéè](?: gan| pupo| pup[oọ]| o)?(?= {M}|\\s*[!.{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$)",
    "[eẹ] [sṣ][eéè] (?:gan|pupo|pup[oọ])",
    f"[oọ] [sṣ][eéè](?: gan| pupo| pup[oọ])?(?= {M}|\\s*[!{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$)",
    "[eẹoọ] [sṣ]eun(?: gan| pupo| pup[oọ]| o)?",
    "ime+la(?: nu| nwanne(?: m)?| o)?",
    "da+l[uụ](?: nu)?",
    "nagode",
    "allah ya saka",
    "tanx",
    # More languages written in Latin letters, added all at once rather than as each blind set meets them:
    # Hausa, Somali, Malagasy, Kinyarwanda, Luganda, Oromo, Uzbek, Azerbaijani, Albanian, Lithuanian, Latvian,
    # Maltese, Welsh, Scottish Gaelic, Basque, Esperanto, Haitian Creole, Javanese, Sundanese, Ilocano, Hmong,
    # Fijian, Samoan
    "na gode(?: sosai)?",
    "mahadsanid",
    "misaotra(?: betsaka)?",
    "murakoze(?: cyane)?",
    "webale(?: nyo)?",
    "galatoomi",
    f"rahmat(?= {M}|\\s*[!.,:{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$)",
    "t[əe][şs]ekk[üu]r edir[əe]m",
    "faleminderit",
    f"flm(?= {M}|\\s*[!.,{TYE}]| ?$)",
    "a[čc]i[ūu](?: labai)?",
    "paldies",
    "grazzi",
    "diolch(?: yn fawr)?",
    "tapadh (?:leat|leibh)",
    "m[òo]ran taing",  # Scottish Gaelic: "Mòran taing <@A>!"
    "eskerrik asko",
    "milesker",
    "mila esker",
    "dankon",
    "m[èe]si anpil",
    "matur ?nuwun",
    # Javanese "matur suwun" (thank you), Vietnamese chat "thank kiu"
    "matur ?suwun",
    # Javanese said short: "oke suwun <@A>", "suwun yo", "nuwun nggih" (not "nuwun sewu", excuse me)
    "suwun",
    "nuwun(?! sewu)",
    "thank ki[uù]",
    "xie ?xie",  # Chinese in pinyin: "that was it 🤦 xie xie <@A>!"
    "hatur nuhun",
    "agyamanak",
    "ua tsaug",
    "vinaka(?: vakalevu)?",
    "fa'?afetai",
    "ahsante(?: sana)?",
    "sh[ou]kr[ae]n(?: jazilan| jazeelan| gazilan| gdn| gedan| geddan)?",  # Egyptian "shokran ya basha"
    # Levantine Arabic in Latin letters (Arabizi): "yislamo <@A>", "ya3tik el3afye", "teslam edek", "teslami 3al report"
    # (not Brazilian "tmj", which the labelled sets read as solidarity more often than thanks)
    "yislam[ou]",
    "yeslam[ou]",
    "teslam(?:i|o| edak| edek| eidak| idak| ideek)?",
    "tislam(?:i|o)?",
    "ya3t(?:i|ee|e)k(?:i|o|om)? [ae]l ?3afy?[ae]",  # (and Gulf and Egyptian "ya3tiki el3afya")
    # "yslmo <@A>", "tesalem edek ya <@A>"
    "yslm[ou]",
    "tesalem(?: e?dak| e?dek| edik| idak| idek)?",
    # Georgian in Latin letters: "madloba, very useful", "<@A> perfect, exactly what I needed. madloba!"
    "madloba",
    # slips ("perfect thakns!!" and the like are _typos below)
    "thnak(?: you| u|s)",  # "thnak you <@A> for covering my QA standup"
    "ya3tik il3afye",
    "yaatik el afye",
    "mashkoo?ra?",
    # Greek in Latin letters (Greeklish): "efxaristw poly <@A>", "efharisto", "efxaristoume"
    "ef[xh]arist(?:w|o|ou?me)",
    "efcharist(?:w|o|ou?me)",
    "e[uy]xarist(?:w|o|ou?me)",
    # Swiss and Bavarian spellings, and a common slip: "funktioniert, dange!!", "merci vielmal", "dnake!!"
    "dange",
    "dnake",
    "merci vi(?:elmal|lmal|umau)",  # (Swiss German "Merci vilmal nomal fürs Teile" too)
    "gracais",  # a slip: "esto me sirve un montón, gracais!!"
    # Spanish "muy amable" (very kind of you) said as thanks: "ya entré! muy amable <@A>", "muy amable 🙏"
    # (not a description: "el cliente fue muy amable")
    "muy amable(?<!\\bfue muy amable)(?<!\\bes muy amable)(?<!\\bera muy amable)(?<!\\bson muy amable)(?<!\\bestuvo muy amable)",
    "qu[ée] amable",
    # Gulf Arabic in Arabizi, "ما قصرت" (you spared nothing): "ma 8assarti <@A>", "ma qassart"
    "ma [8q]ass?art(?:i|o|ou|oo|u|y|ow)?",
    "danke vilmal",
    "vergelt'?s gott",
    "salamat(?: po| sa inyo| sa iyo)?",
    "maraming salamat(?: po)?",
    "kiitos(?: paljon)?",
    # Finnish chat forms: "kiitti <@A>, korjasin ne", "taking two. kiitti", "kiitoksia kaikille"
    "kiitti(?: paljon)?",
    "kiitoksia",
    "kiitokset",
    # Estonian: "aitäh <@A>!", "suur aitäh", "tänan", "suured tänud"
    "ait[äa]h",
    "suur ait[äa]h",
    "aitüma",
    "t[äa]nan",
    "tänud",
    "suured tänud",
    # Norwegian "takk" (never a word of its own elsewhere) and Danish "tak" in the phrases that are only thanks:
    # "tusind tak", "mange tak", "tak for…" — not a bare "tak", which is Polish for "yes"
    "takk(?: skal du ha)?",
    f"takk te(?= {M})",  # Nynorsk dialect: "Takk te <@A> for bileta"
    "tusen takk",
    "tack som fan",  # Swedish chat: "you handled the App Store stuff perfectly. tack som fan!"
    "mange takk?",
    "tusind tak",
    f"tak(?= for\\b| skal du have| til {M}| {M}[!.]?$| {M} (?:for|fordi)\\b)",
    # Danish after a word only Danish has: "fundet, tak", "virker! tak <@A>" (Polish "tak" is "yes")
    *_product(("fundet", "virker", "perfekt", "fedt", "dejligt", "godt fanget", "igen"), ("[,!.]* tak",)),
    "du er guld værd",
    "hvala(?: lijepa| ti| vam| puno)?",
    "d[ěe]kuj[ieu]",  # (and the spoken "děkuju")
    f"d[íi]k(?= {M}|\\s*[!{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$| za\\b)",  # Czech "dík!", "dík za…"
    # Turkish chat: "tşk", "tşkler", "eyw" (eyvallah; "çalıştı, eyv 👍"), "kralsın" (you're the king)
    "t[şs]k(?:ler|lr)?",
    f"ey[wv](?= {M}|\\s*[!,\\n{TYE}{EMO}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:| ?$| (?:abi|abla|hocam|kanka|reis|usta)\\b)",  # (and "eyv, alıyorum")
    "eyvallah",
    "kralsın",
    # Dutch "Je bent een ster <@A> ⭐" (you're a star), "Dank dat je inspringt <@A>!" (thanks for stepping in)
    *_product(("je bent", "jij bent", "u bent"), (" een (?:ster|held|topper|kanjer|schat)",)),
    "dank dat (?:je|jij|u|jullie)",
    f"kral(?=\\s*(?:[!:{TYE}{EMO}{_UEMOJI}]|$))",  # "<@A> kral 👑 çıkıyorum"
    # Russian "выручил" (you bailed me out): "<@A> да, оно! выручил :raised_hands:"; Czech "díkes"; Czech and Slovak
    # "si zlatá" (you're gold)
    "выручил(?:а|и)?",
    "d[íi]kes",
    "si zlat[áaýy]",
    "jsi zlat[áaýy]",
    "kral adams[ıi]n",  # "Kral adamsın :crown:" (you're the man)
    # "<@A> <@B> sizi seviyorum" (I love you both), "<@A> canımsın" (you're a dear)
    "s(?:iz|en)i seviyorum",
    "can[ıi]ms[ıi]n",
    # Slovak: "ďakujem!", "vďaka <@A>", written without accents too ("dakujem")
    "[ďd]akujem[e]?",
    "v[ďd]aka(?! (?:tomu|za to,? (?:že|ze)))",  # not "vďaka tomu" (thanks to that: because of it)
    # Amharic and Egyptian Arabic in Latin letters: "ameseginalehu", "tslm edak", "ashkorek"
    "amese?ginalehu",
    "betam amese?ginalehu",
    "tslm(?: edak| edik| edek| edkom| ya)?",
    "tslm[yi](?: edik| edek| ya)?",  # (said to a woman: "3azama, tslmy ya Dina")
    "alf sh[ou]kr",  # "a thousand thanks": "el report kan meya meya. alf shokr ❤️"
    f"tslm(?= {M})",
    "ashkorak",
    "ashkorek",
    # Ukrainian in Latin letters: "<@A> dyakuyu za fix"; Kurdish "spas" / "zor spas" (not "the spas in Budapest")
    "d[iy]a?ku[iy]u",
    "d[iy]akuju",
    "zor spas",
    "sipas",
    f"spas(?= {M}|\\s*[!{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$| for\\b)",
    # Ukrainian and Russian chat shorthands: "дякс", "пасиб", "дяки <@A> за полифіл", "швидко! дяк", "зрозуміло, дякю",
    # "точно. мерсі"
    "дякс",
    "дяки",
    "дякі",
    "дякю",
    f"дяк(?= {M}|\\s*[!,.{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$)",
    "мерсі",
    "пасиб",
    "d[íi]ky",
    "k[öo]sz[öo]n[öo]m",
    "k[öo]szi",
    "mahalo(?: nui)?",
    "go raibh (?:míle )?maith (?:agat|agaibh)",  # Irish
    "m[íi]le bu[íi]ochas",  # Irish: "Míle buíochas <@A> and <@B>"
    "grma",
    "lah y(?:r7m|rhm|rahm) (?:lwalidin|lwalidik|walidik)",  # Moroccan Darija, in Latin letters
)
_words(
    "grat",
    "thank(?:s+|[- ]?(?:you+|u+|ya|yu|yous)|x|z)?",
    f"thanking(?= {M})",  # "Thanking <@A> for fixing the QA environment SSO issue yesterday"
    # British "ta": ":pray: ta <@A>", "found it ta <@A>", "ta a million" (not Portuguese "ta bom", "ta certo": it is; nor
    # the Turkish suffix "Meetup'ta <@A>")
    # (and with a reason, or in an aside: "ta for the smooth deploy", "feedback from <@A> (ta, super useful)")
    f"ta(?<!['’]ta)(?<!\\bthe ta)(?<!\\bel ta)(?<!\\bla ta)(?<!\\bun ta)(?<!\\bo ta)(?<!\\ba ta)(?<!\\bmy ta)(?<!\\bour ta)"
    f"(?= {M}|\\s*[!.{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$| to {M}| (?:very much|muchly|a million|loads|a lot|mate|love|hun|pet)\\b"
    "| for (?:that|the|this|your|it|all|[a-z]+ing)\\b|(?<=\\(ta),)",  # (not "the TA for the course")
    "th(?:a?nx|nks|x|ks)",
    "tnx",
    # Malaysian and Singaporean "tq" (thank you): "tq <@A>!", "tq so much", "tq both <@A> <@B>"
    # (not "the TQ score")
    f"tq(?= {M}|\\s*[!.,{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:|\\s*$| (?:so much|sm|ya|tq|both|for|lah|la|ah|pak|bu|bro|sis|kak|bang|mas|mbak|om|gan|bos|banyak|bgt|banget|again|all|everyone|guys|boss)\\b)",
    # typed fast: "tahnk you <@A>"; "tahnks", "thansk", "thnaks" and the other slips of the common words are _typos
    "tahnk (?:you|u)",
    *_typos(
        *("thanks", "gracias", "grazie", "merci", "danke", "obrigado", "obrigada", "bedankt", "dankjewel", "makasih"),
        *("teşekkürler", "tesekkurler", "dziękuję", "dziekuje", "dzięki", "appreciated", "спасибо", "дякую"),
        *("ευχαριστώ", "ευχαριστω"),
    ),
    # "tx <@A>", "tx for the mockups" — not "tx" for a transaction ("the tx failed", "tx hash")
    # ("tx por el parche", "tx pour le check", "😂 tx mate")
    # (and "tx for owning it", "perfetto, tx :blush:" — an emoji, which the pre-filter sees as its shortcode)
    f"tx(?= {M}| (?:for|por|pour|per|para|für) (?:the|your|this|that|all|el|la|los|las|tu|le|les|ton|ta|tes|il|lo|"
    f"gli|den|die|das|o|os|as|[a-z]+ing)\\b| za\\b| a {M}|\\s*[!,！。{TYE}{EMO}{_UEMOJI}]|\\.(?!\\w)|\\s*$"
    "| (?:mate|bro|man|heaps|again|so much|ya|anh|chị|em|ạ|mas|mbak|pak|bu|kak|bang)\\b| :[a-z0-9_+-]+:| [\\u3040-\\u9fff\\u0e00-\\u0e7f])"
    # (and opening a bullet: "- tx <@A>, merged"; after a word of another script: "<@A> 확인했어요 tx!"; in an
    # aside or closing a sentence: "PR merged (tx <@A> for the review)", "<@A> got it, tx."; weighed: "<@A> huge tx";
    # added on: "B: none. also tx <@A> for the replica fix")
    f"(?:(?<=^ tx)|(?<=[,.!(\n>{M[1:-1]}{TYE}{EMO}{_UEMOJI}] tx)|(?<=[\n(]tx)|(?<=huge tx)|(?<=big tx)|(?<=many tx)|(?<=also tx)|(?<=and tx)|(?<=\\bsip tx)|(?<=\\bok tx)|(?<=\\boke tx)|(?<=\\bmantap tx)|(?<=\\bcool tx)|(?<=\n[-•*] tx)|(?<=[^\\x00-\\u024f] tx)|(?<=[\u3001\u3002\uff0c\uff01\uff1a]tx))",  # (and "…の件、tx！")
    "tks",
    # French chat: "cimer <@A> pour le tuyau" (verlan), "t'es un ange :angel: mrc"
    "cimer",
    # Indonesian chat: "makasiii nadiaa", "tengkyu <@A>", "mksh bnyk <@A>", "<@A> kamu the best"
    "makasi+h?",
    "te(?:n|ng)(?:k|q)(?:yu|iu)",  # (and Filipino "tenkyu")
    "salamuch",  # Filipino chat: "<@A> salamuch!! 🫶"
    "mksh",
    "mksih",
    "mkasih",
    # Cebuano: "Pasalamat lang ko ni <@A> kay gi-review niya…", "Lamat <@A> sa bag-ong monitor!", "salamt kaau"
    "pasalamat",
    f"lamat(?= {M})",
    "salamt",
    # "respect buat <@A> yang dateng ke meeting finance", "respect to <@A> for the migration"
    f"respect (?:buat|untuk|to|sa|kay)(?= {M})",
    f"respect(?= {M})",  # "respect <@A> 🫡 实验室网络切 VLAN 的时候全程没掉线"
    *_product(("kamu", "lo", "lu"), (" the best",)),
    # Sundanese and Javanese said with "very": "nuhun pisan", "matur nuwun sanget"; Indonesian "hutang budi" (a debt
    # of gratitude)
    "nuhun(?! sateuacan)(?: pisan| pisan nya)?",  # (not "nuhun sateuacanna", thanks in advance)
    "hutang budi",
    "utang budi",  # (without its "h": "utang budi sama <@A>, backfill-nya udah kelar")
    "umesaidia(?: sana)?",  # Swahili: "Umesaidia sana <@A>" (you've helped a lot)
    # Greek chat "ευχ" (short for ευχαριστώ): "ευχ <@A> για το review", "ήμουν εγώ 🤦 ευχ!"
    f"ευχ(?= {M}|\\s*[!.,{TYE}{EMO}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:| ?$| για\\b)",
    "ευχαρηστ[ωώ]",  # a slip: "τελεια, ευχαρηστω!"
    # Spanish spelt as said: "grasias <@A> x el export", "grax"
    "grasias",
    "grax",
    f"mrci?(?= {M}|\\s*[!.,{TYE}{EMO}]|\\s*:[a-z0-9_+-]+:| ?$| (?:pour|beaucoup|bcp)\\b)",  # (and "top, mrci <@A>")
    # Italian chat "grz <@A> 💛", "grz Fede, mi risparmi un giorno"
    f"grz(?= {M}|\\s*[!.,{TYE}{EMO}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:| ?$| [a-z]+\\b)",
    # "tqvm <@A>" (thank you very much, Malaysian chat)
    "tqvm",
    # Vietnamese chat: "c.ơn a nhìu 🥰", "camon a Huy", "cảm ơm em nha" (a slip), "<@A> a là nhất 🫶" (you're the best),
    # "em nợ a 1 ly cà phê nha" (I owe you a coffee)
    "c\\.ơn",
    "camon",
    "c[aả]m ơm",
    *_product(("a", "anh", "chị", "c", "em", "e", "bạn"), (" là nhất",)),
    *_product(
        ("em", "e", "anh", "a", "chị", "c", "mình", "tớ"),
        (" nợ (?:a|anh|chị|c|em|e|bạn) (?:(?:1|một) )?(?:ly|cốc|chầu|bữa)",),  # (and "a nợ e ly cà phê ☕")
    ),
    # Vietnamese chat "mơn" (from "cảm ơn"): "mơn anh Lộc nhiều", "mơn anh <@A> nhiều lắm"
    f"mơn(?= (?:anh|chị|em|bạn|nha|nhé|nhiều|ạ|mọi người)\\b| ?{M}|\\s*[!{TYE}{EMO}]| ?$)",
    "tysm",
    "tyvm",
    # British "ta": "nice one, ta", "ta <@A>!", "<@A> ta very much" — a word of its own at the end of a sentence or
    # before the person, not Swedish "ta" (take) inside one ("kan du ta en titt")
    # (the pre-filter reads raw text: a mention ends in ">" there, an emoji shortcode starts with ":")
    # ("ta, it's a constant", "ta heaps", "ta for sorting it so quick", "oh ta", "and ta for fixing it", "All green :+1: ta",
    # "brilliant, ta so much", "ha ta, that'll make the email easier", "yesss ta 🧣")
    f"ta(?=\\s*(?:[!.…:,—–{TYE}{EMO}]|$|{M})| (?:very much|muchly|v much|so much|love|mate|x|both|heaps|loads|again|for|legends?)\\b)"
    f"(?:(?<=^ ta)|(?<=[,!.…\n:{TYE}{EMO}] ta)|(?<=\nta)|(?<=[>{M[1:-1]}] ta)|(?<=one ta)|(?<=cheers ta)|(?<=\\boh ta)"
    f"|(?<=\\bah ta)|(?<=\\bha ta)|(?<=\\byes ta)|(?<=\\byess ta)|(?<=\\byesss ta)|(?<=\\band ta))",
    "ty(?:ty)*",
    "cheers",
    # New Zealand: "chur <@A>", "<@A> chur bro", "chur :+1:"; Māori "ngā mihi" (thanks), "ka pai, ngā mihi"
    "chur",
    "ng[āa] mihi(?: nui)?",
    # …"kia ora" (hello, and thanks) with what for: "Kia ora <@A> for the cloned farm"; "tēnā koe" (thank you) after
    # praise: "<@A> ka rawe, tēnā koe — that's exactly the number"
    f"kia ora(?= (?:{M} )?for\\b)",
    # (and "kia ora rawa atu" — thank you very much; "kia ora <@A>, we're saved 🙏")
    "kia ora rawa atu",
    f"kia ora(?= {M},? (?:we'?re|you'?re|i'?m) saved\\b)",
    "t[eē]n[aā] koe(?<=, t[eē]n[aā] koe)",
    "much appreciated",
    # "Please join me in thanking <@A> for 10 years…": the author thanks them before everyone (led by "thanking" and
    # checked behind, so chatter's "please" and "join" cost the pre-filter nothing)
    "thanking(?:(?<=join me in thanking)|(?<=join us in thanking))",
    # slang "good looks" (thanks): "good looks <@A> for taking the run" — not "what good looks like"
    f"good looks(?= ?{M}| ?[!,.]| ?$| (?:for|on|bro|man|fam|dude)\\b)",
    # "<@A> much obliged", "I'm truly obliged" — but "obliged to" is "forced to" ("we're obliged to report
    # it"); "not obliged", "feel obliged" are cancelled in the "noop" list. One distinctive word per phrase
    # keeps the pre-filter, which every message goes through, as fast as before.
    "much obliged",
    "obliged(?! to\\b| by\\b)",
    # "I'm forever indebted to you", "we're in your debt" — not "indebted to the bank"
    "indebted(?! to (?:the|a|an|our|their|his|her|its)\\b)",
    "in your debt",
    "appreciated",
    "appreciate (?:it|this|that|you|ya|u|y'all|the|all|both(?: of you)?|your (?:help|time|support|input|feedback|review|effort|work"
    "|quick|fast|patience|assistance|advice|expertise))",
    "grateful",
    "thankful",
    # Chat spellings are stretched ("graciasss", "mercii", "dankeee") — by the last letter, which keeps
    # each phrase's literal start for the scan.
    "gracia+s+",
    "gracias enormes",  # "Gracias enormes a <@A>, <@B> y <@C>": the adjective after, the people after it
    "gracias totales",
    "gr[àa]cies",  # Catalan: "moltes gràcies <@A>!"
    # Galician: "moitas grazas <@A>!", "graciñas"
    "grazas",
    "graciñas",
    "merci+s?",  # ("mille mercis")
    "danke+(?: ?sch(?:ö|oe)n)?",
    "dank ?sch(?:ee|ean|ö|oe)n?",  # Swabian and Bavarian: "Ok, Puffer verschoben, läuft. Dankschee!"
    "dankesch(?:ee|ean)",
    # "Ein Riesendankeschön an <@A>", "ein Megadank an alle", "Riesendank!"
    # (and "Mega-Dankeschön an <@A>")
    *_product(("riesen", "mega", "super", "extra"), ("[ -]?(?:dankesch(?:ö|oe)n|dank)",)),
    # "Danke übrigens an <@A> fürs Postgres-Upgrade": the thanks said in passing, then its "an"
    f"danke (?:übrigens|nochmal|nochmals|auch)(?= an {M})",
    # Dutch "dank" alone only right before the person: "Top, dank <@A>!" (not "dank memes", "dank zij")
    f"dank(?= ?{M})",
    # …or ending its sentence: "die index-tip van je was goud waard. dank!" (not "dank memes")
    f"dank(?=\\s*(?:[!.…{EMO}{TYE}{_UEMOJI}]|$))",
    # German "Dank geht an <@A>", "der Dank gebührt <@A>"
    f"dank (?:geht|gebührt)(?: an)?(?= ?{M})",
    "dank (?:dir|euch|je(?: wel)?|u(?: wel)?|jullie(?: wel)?)",
    "dank(?<=\\b1000 dank)",  # "1000 Dank, du hast mir den Tag gerettet"
    # "Grote dank aan <@A> voor de teksten", "großen Dank an <@A>", "Dank an alle"
    *_product(
        ("grote", "groot", "großen", "grossen", "großer", "grosser", "besonderen", "speciale", "extra", "een dikke"),
        (" dank",),
    ),
    f"dank (?:aan|an)(?= (?:{M}|(?:alle|allen|iedereen|jullie|euch|dich|die|het|de|den|das|unser|ons|onze)\\b))",
    "dankjewel",
    "dankuwel",
    "bedankt",
    f"bedankje(?= (?:aan|voor) ?{M}| ?[!.])",  # "Even een bedankje aan <@A>, die vanochtend…"
    *_product(
        (
            "vielen",
            "besten",
            "herzlichen",
            "herzlichsten",
            "tausend",
            "lieben",
            "vielen lieben",
            "ganz lieben",
            "hartelijk",
            "hartelijke",
            "veel",
            "heel veel",
        ),
        (" dank",),
    ),
    "obrigad(?:[oa]+|ão|ao|inh[oa]+|[íi]ssim[oa])",  # stretched too: "obrigadaaa, salvou minha tarde"
    "brigad(?:[oa]+|ão|ao|u+|inh[oa]+)",  # ("brigaduu <@A>")
    "obg(?:d[oa]?)?",  # Portuguese chat shorthand for "obrigado"
    # a treat owed: "<@A> te devo um café (ou vários)", "ti devo un caffè" (not "te devo o relatório"; Spanish "te debo…"
    # is with the debts above)
    "te devo (?:um|uma) (?:caf[ée]|cerveja|breja|chopp|almo[çc]o|jantar|pizza|favor|doce)",
    "ti devo (?:un|una) (?:caff[èe]|birra|pranzo|cena|pizza|favore)",
    "vale+u+",  # ("valeeeu <@A>")
    "valeuz[ãa]o",  # "valeuzão <@A>, o pipeline tá 3x mais rápido" (a big valeu)
    "valew",  # a slip: "valew <@A> pelo teste de regressão no sábado"
    "vlw+",  # Portuguese chat shorthand for "valeu" ("restaurado, vlww <@A>")
    "grazie+(?: mille)?",
    f"grazi(?= {M})",  # the typo: "grazi <@A> per il fix"
    # "very kind (of you)" as the thanks: "<@A> ricevuti, gentilissimo!", "gentilissima, grazie"
    f"gentilissim[oaie](?=\\s*(?:[!.,:{TYE}{EMO}{_UEMOJI}]|$))",
    "grazie enorme",  # "Un grazie enorme a <@A> per…"
    "tack(?: så mycket)?",
    "tackar(?! nej)(?: så mycket)?",  # "Tackar <@A>!" — not "jag tackar nej" (I decline)
    "mersi(?: mult)?",  # Romanian: "Mersi mult <@A> pentru laptop"
    # Romanian, with either comma-below or cedilla "ț" and without it: "mulțumesc <@A>", "multumim pentru ajutor"
    "mul[tțţ]umesc(?: frumos| mult| din suflet)?",
    "mul[tțţ]umim",
    "mul[tțţ]umiri",
    "dzi[eę]ki",
    # Spanish "se agradece" (it is appreciated) closing a credit: "buenísimo el review de <@A>… Se agradece 🤝" — not
    # "se agradece cualquier ayuda" (any help is appreciated, a request)
    f"se agradece(?:n)?(?= (?:mucho|much[íi]simo|un mont[óo]n|de verdad|un chingo)\\b|\\s*(?:[!.…,:{TYE}{EMO}{_UEMOJI}]|$|{M}))",
    "dzi[eę]na",  # Polish chat: "o boże, to było to. dziena!"
    # Polish chat shorthands: "dzk <@A>", "dzięks", "dziex"
    "dzk",
    "dzi[eę]ks",
    "dzi[eę]x",
    "dzi[eę]kuj[eę]",
    "dzi[eę]kujemy",
    # The noun only when it is given to someone: "ogromne podziękowania dla <@A>", "podziękowania za sobotę!" —
    # not "budżet na podziękowania dla kierowców" (gifts), "podziękowania dla klienta trzeba wysłać".
    f"podzi[eę]kowani[ae](?<!\\bna podzi[eę]kowani[ae])(?<!\\bo podzi[eę]kowani[ae])"
    # ("wielkie podziękowania dla niego" after the person: "materiały od <@A>, wielkie podziękowania dla niego")
    f"(?= dla (?:{M}|{GROUP}|niego\\b|niej\\b|nich\\b|ciebie\\b|was\\b)| za\\b| ?{M}| ?[!:,]| ?$)",
    # "chciałbym podziękować <@A>", "chcę podziękować <@A> za…": the verb when the author says it
    "podzi[eę]kowa[cć](?:"
    + "|".join(
        f"(?<=\\b{w} podzi[eę]kowa[cć])"
        for w in (
            *("chcę", "chce", "chciałbym", "chciałabym", "chciałam", "chciałem", "chcemy", "pragnę", "pragniemy"),
            *(
                "publicznie",
                "serdecznie",
                "gorąco",
                "bardzo",
            ),  # ("Chciałam publicznie podziękować <@A> i całej zmianie")
        )
    )
    + ")",
    "te[sş]ekk[uü]r ederim",
    # "…'a teşekkür ediyorum", "ikinize de ayrı ayrı teşekkür etmek istiyorum", and the noun closing its clause:
    # "gözden geçiren <@A> ve <@B>'e teşekkür, İngilizce versiyonu…"
    "te[sş]ekk[uü]r (?:ediyorum|ediyoruz|ederiz|etmek istiyorum|etmek isterim|etmek istiyoruz)",
    f"te[sş]ekk[uü]r(?=\\s*(?:[,.!…]|$|[{TYE}{EMO}]))",
    # the noun with its size: "<@A> ve <@B>'a kocaman teşekkür", "sonsuz teşekkür"
    *_product(("kocaman", "büyük", "buyuk", "sonsuz", "çok", "cok", "özel", "ozel"), (" te[sş]ekk[uü]r(?! eder)",)),
    "sa[gğ] ?ol(?:un|asın|asınız|sun)?",
    "saol(?:un|as[ıi]n)?",  # chat: "ooo tamam, saolasın abi", "tamam, saol", "ikisini de ekledim, saolun"
    "te[sş]ekk?[uü]rler+",  # stretched or slipped: "teşekkürlerr", "teşekürler sorgu anlatımı için"
    "efsanesin",  # "<@A> efsanesin, tam istediğim setup" (you're a legend)
    # "eline sağlık" (health to your hands): Turkish thanks for work done
    "el(?:in|ler)(?:in)?(?:iz)?e sa[gğ]l[ıi]k",
    "eline koluna sa[gğ]l[ıi]k",  # (and "eline koluna sağlık", to your hands and arms)
    # "gözüne sağlık" (health to your eyes: thanks for spotting it), "çok makbule geçti" (much appreciated), "senin
    # sayende" / "sizin sayenizde" (thanks to you), "bir kahve borçluyum" / "borcum olsun" (I owe you one)
    "g[öo]z(?:ün|ler)(?:in)?(?:iz)?e sa[gğ]l[ıi]k",
    "makbule ge[çc]ti",
    "senin sayende",
    f"sayende(?<={M} sayende)",  # "<@A> sayende aramalar %60 düştü" (thanks to you, A)
    "sizin sayenizde",
    *_product(("kahve", "çay", "cay", "yemek", "bira", "tatlı", "tatli"), (" bor[çc]luyum",)),
    "borcum olsun",
    # "<@A> adamsın :fire: bi kahve borcum var" (you're the man, I owe you a coffee)
    *_product(("kahve", "çay", "cay", "yemek", "bira"), (" borcum var",)),
    f"adams[ıi]n(?<={M} adamsın|{M} adamsin)",
    "eme[gğ](?:in|ler)(?:in)?(?:iz)?e sa[gğ]l[ıi]k",
    "eyvallah",
    # "Allah razı olsun" (may God be pleased with you), "<@A> süpersin 💜" / "Süpersiniz Hakan Bey" (you're super),
    # "<@A> kraliçesin 👑" (you're a queen), "iyi ki söyledin" (good thing you told me), "asıl teşekkür sana" (the real
    # thanks is to you)
    "allah raz[ıi] olsun",
    "s[üu]persin(?:iz)?",
    # "<@A> kurtardın abi" (you saved me), "harikasınız ikiniz de" (you're both great) — not "helal olsun" (well done),
    # said of wins as often as of help
    "kurtard[ıi]n(?:[ıi]z)?",
    "harikas[ıi]n(?:[ıi]z)?",
    "krali[çc]esin",
    # "sen bir meleksin" (you're an angel), "<@A> mükemmelsin" (you're perfect)
    "meleksin",
    "m[üu]kemmelsin(?:iz)?",
    # (not a birthday or anniversary wish: "İyi ki varsın Oğuz, nice yıllara!")
    "iyi ki (?:s[öo]yledin|yazd[ıi]n|fark ettin|sordun|varsın|hat[ıi]rlatt[ıi]n)(?![^.!?\\n]{0,40}?nice y[ıi]llara)",
    "as[ıi]l te[sş]ekk[üu]r sana",
    "спасибо",
    # Ukrainian: "дякую <@A>!", "щиро дякуємо", "спасибі" (and drawn out: "дякууую за рев'ю!!")
    "дяку+ю",
    "дякуємо",
    "спасибі",
    "spasib[oa]+",  # romanized: "spasibo for leaving it clean"
    "spasyb[iі]",  # Ukrainian romanized: "<@A> spasybi za review #520", "i okreme spasybi <@A> za notatky"
    # and its chat forms: "btw pasib <@A> for the otel setup help", "sps <@A> за помощь", "spasibki"
    "pasib(?:[oa]+|ki)?",
    "spasibki",
    f"sps(?= ?{M}| за\\b| za\\b)",
    "dyakuyu",
    "dyakuju",
    "спс",
    # Russian chat forms: "сенкс", "пасибки", "мерси" (a loanword: "получилось, мерси")
    "сенкс",
    "пасибки",
    "спасибочки",
    "мерси",
    "благодарю",
    "благодарим",
    "dhanyavaa?d(?:agalu|alu|amulu)?",
    "dhanyawaa?d",
    # romanised Tamil "nandri" / "romba nandri" (not inside a longer word)
    "nandri",
    "shukriya",
    "shukria",
    "arigat(?:ou|o|ō)",
    "terima kasih+",  # (stretched in chat: "makasihh", "terima kasihhh")
    "makasih+",
    "trims",
    "c[aảá]m [oơ]n",
    "cam on",
    "ευχαριστ(?:[ώω]+|ούμε|ουμε)",  # (stretched in chat too: "ευχαριστώωω 🙏")
    # the noun given to someone: "Ευχαριστίες στην <@A> και τον <@B> που έστησαν το pipeline" (thanks to)
    f"ευχαριστ[ίι]ες(?= σ(?:τον|την|τη|το|τους)? ?{M}| σε όλους| για\\b|\\s*[!.:{TYE}{EMO}{_UEMOJI}]|$)",
    "ευχαριστ(?:ή|η)σ(?:ω|ουμε)",  # "θα ήθελα να σας ευχαριστήσω θερμά" (I'd like to thank you warmly)
    # "you're a hero / a god": "<@A> είσαι ήρωας", "Είσαι θεός <@A>!", Italian "<@A> sei un mago 🧙", "sei un mito"
    "είσαι (?:ήρωας|ηρωίδα|θεός|θεά|ο καλύτερος|η καλύτερη)",
    "sei (?:un mago|una maga|un mito|un genio|una forza|un grande|una grande)",
    "σ(?:ου|ας) χρωστ(?:άω|αω|ώ|ω)",  # "<@A> σου χρωστάω ένα φρέντο" (I owe you a freddo)
    "ευγνώμων",
    # "να 'σαι καλά" (bless you — thanks), with or without the apostrophe
    "να ['’]?σαι καλ[άα]",
    "να είσαι καλά",
    # (and said for a team: "<@A> :heart: il team ringrazia di cuore")
    "ringrazi(?:o|amo|are|a)",
    "grazie di cuore",
    "sono grat[oa]",
    # Portuguese "fico-te mesmo grato por teres ficado até tarde", "fico muito grata" (I am grateful)
    "fico(?:-te| te|-lhe| lhe)? (?:mesmo |muito |super |imensamente )?grat[oa]s?",
    "ti sono grat[oa]",
    "remercie(?:r|z)?",
    # (not "la page de remerciements": a thing named after thanks)
    "remerciements?(?<!\\bde remerciement)(?<!\\bde remerciements)(?<!\\bdes remerciements)",
    "agradec(?:id[oa]s?|emos|id[íi]sim[oa]s?)",
    "agradezco",
    # "Quiero agradecer a <@A> por revisar…", "quero agradecer ao <@A>", "je veux remercier <@A>" is above
    *_product(
        (
            *("quiero", "queremos", "quisiera", "quería", "me gustaría", "quero", "queremos", "gostaria de", "queria"),
            *("aprovecho para", "aproveito para", "aproveitando para", "aprovechando para", "quero só", "só quero"),
            *("solo quiero", "sólo quiero"),
        ),
        (
            # (Portuguese with the article: "queria agradecer o <@A> e a <@B> pela paciência")
            f" agradecer(?:le|les|te|-te|-lhe|-vos)?(?=:? (?:especialmente |sobre todo |en especial |em especial |en particular |em particular |formalmente |oficialmente |"
            f"públicamente |publicamente |pessoalmente |personalmente )?(?:a |al |ao |à |o |os |as )?{M})",
        ),  # not "quiero agradecer a los voluntarios…"
    ),
    # "to thank you" with the pronoun joined, which names the one addressed: "<@A> queria agradecer-te pelas macros novas",
    # "quería agradecerte por…"
    "agradecer-?(?:te|vos|lhe|les|le)",
    # "<@A> je te revaudrai ça" (I'll return the favour): French thanks owed
    "je (?:te|vous) (?:le )?revaudrai(?: ça| ca)?",
    # European Portuguese "fico a dever-te" (I owe you), said alone ("devo-te uma" is with the debts above)
    "fico a dever-te",
    "agrade[cç](?:o|emos)",
    # The noun is a thanks only when it is given to someone: "um agradecimento especial pra <@A>",
    # "agradecimientos a <@A>", "ringraziamenti a tutti" — not "um agradecimento formal vai ser enviado".
    *[
        # (not "a placa de agradecimento pra equipe": a thing named after thanks)
        f"{noun}(?<!\\bde {noun})(?<!\\bdi {noun})(?: especia(?:l|is|les)| special[ei]| enormes?| sinceros?| p[úu]blicos?)?"
        # (or from whom: "Un ringraziamento sincero anche da parte di tutto il team", "agradecimiento de parte de…")
        f"(?= (?:a|ao|à|aos|às|al|ai|alla|pra|pro|para|por|pelo|pela|per)\\b| ?{M}| ?[!:,]| ?$|(?: anche| también| também)?"
        " (?:da|de) parte\\b)"
        for noun in (
            "agradecimento",
            "agradecimentos",
            "agradecimiento",
            "agradecimientos",
            "ringraziamento",
            "ringraziamenti",
        )
    ],
    "dankbaar",
    "tacksam",
    "wdzi[eę]czn(?:y|a|i)",
    "благодар(?:ен|на|ны)",
    "вдячн(?:ий|а|і)",  # Ukrainian "grateful": "Дуже вдячна <@A> за те, що пояснила"
    # …and the noun given to someone: "висловлюю щиру вдячність <@A> та <@B> за організацію переїзду"
    f"вдячн[іи]сть(?= {M}| за\\b)",
    f"подякувати(?= (?:тобі |вам )?{M})",  # "Хочу подякувати <@A> за…"
    # "you saved me" in Ukrainian and Russian: "ти мене врятував", "ты меня спас"
    "мене врятува(?:в|ла|ли)",
    "меня спас(?:ла|ли)?",
    "minnettar(?:ım)?",
    # Russian chat and typos: "спасибки", "спасибище", "спаисбо", "благодрю", "сенкью", "тх", "от души" (from the heart),
    # "тысяча благодарностей", "низкий поклон <@A>" (a low bow), "ты машина" (you're a machine), "ты мой спаситель",
    # and Georgian "мадлоба" in Cyrillic
    "спасибки",
    "спасибище",
    "спаисбо",
    "благодрю",
    "сенкью",
    "тх",
    f"от души(?=\\s*(?:[!.,…)]|$|[{TYE}{EMO}{_UEMOJI}]|{M}))",  # (not "от души рекомендую", I heartily recommend)
    "тысяча благодарностей",
    "низкий поклон",
    "ты машина",
    "ты мой спаситель",
    "мадлоба",
    "terimakasih",
    "makasi",
    # Mexican chat "grax", Dutch "dank voor het snelle antwoord", "Ah top <@A>, dank"
    "grax",
    "dank voor",
    f"dank(?<=, dank)(?=\\s*(?:[!.{TYE}{EMO}{_UEMOJI}]|$))",
    "biết ơn",
    # Hebrew in Latin letters. Spanish/Portuguese "toda" is "all" and always takes a noun ("toda la
    # semana"), so a lone "toda" counts only before "!", a comma, a mention, an emoji or the end ("toda!!").
    "toda rab+ah?",
    f"toda(?=\\s*(?:[!,…{TYE}{EMO}]|{M}|$))",
    # (to several: "jazakum Allah khair"; to a woman: "jazaki")
    "jaza(?:k|ki|kum) ?allah(?: ?khai?r(?:an)?)?",
    # Hebrew "kol hakavod <@A> on NOTIF-140" (well done), said to the person
    f"kol ha-?kavod(?= ?(?:l-?|le-?)?{M}|\\s*[!,{TYE}{EMO}]| ?$)",
)
_words(
    "grat",
    *[
        "谢谢",
        "謝謝",
        "感谢",
        "感謝",
        "多谢",
        "多謝",
        "谢了",
        "謝了",
        "感射",  # (chat for 感谢)
        "大恩不言谢",  # (a great kindness is beyond thanks)
        # "<@A> 记一功 💪" (one merit to A's name)
        "记一功",
        "記一功",
        "謝啦",
        # the past forms: "<@A> 어제 도와주셔서 진짜 감사했어요"
        "감사했어요",
        "감사했습니다",
        "고마웠습니다",
        # Arabic blessings said as thanks: "بارك الله فيك <@A>", "تبارك الله عليك", "الله يجازيك بخير"
        "بارك الله فيك",
        "بارك الله فيكم",
        "تبارك الله عليك",
        "الله يجازيك بخير",
        # the polite forms whole, so the mention after them is next to the cue: "ありがとうございます <@A>！"
        "ありがとうございます",
        "ありがとうございました",
        "ありがとうごさいます",  # a common slip: "ありがとうごさいます <@A> さん！！"
        "ありがとう",
        "ありがと",
        "助かりました",
        # "いつも救われてます" (you always save me), "マジで命の恩人です" (you saved my life), "足を向けて寝られません" (I owe you
        # so much I can't sleep with my feet toward you); Korean "제가 더 감사하죠" (I'm the one to thank you)
        "救われ(?:て|まし|た)",
        # "いつも細かく見てもらって助かってます" (it keeps helping), "いつも即レス助かります" — not a bare "…してもらえると助かります"
        # (it would help if you…: a request)
        "助かってます",
        "助かっています",
        "いつも[^、。！？!?\\n]{0,12}助かり(?:ます|ました)",
        "命の恩人",
        "足を向けて寝られ",
        "감사하죠",
        "감사하고",  # "진심으로 감사하고 오늘 커피 + 케이크 쏩니다" (grateful, and…)
        "감사하지요",
        "고맙죠",
        "助かります",
        # past and ongoing help: "まじ助かった", "いつも助かってます" (not "助かったら", if it helped)
        "助かった(?!ら)",
        "助かってます",
        "助かってる",
        "どうもありがとう",
        # casual "arigatou": あざす, あざっす, あざーす, あざます
        "あざす",
        "あざっす",
        "あざした",
        "あざっした",
        # "ありがたや〜 :pray:" (how grateful), "ごちそうさまです！" to the one who paid
        "ありがたや",
        "ありがたすぎ",  # "整理ありがたすぎる…" (too grateful for the tidy-up)
        # Korean "완전 신세지네요… 다음에 꼭 갚을게요" (I'm in your debt, I'll pay it back)
        "신세(?:지네요|졌어요|졌네요|졌습니다|져요|지겠습니다)",
        "ごちそうさま(?:です|でした)",
        "あざーす",
        "あざます",
        "ありざます",
        "ありざいます",
        # "ありがたいです…！" (I'm grateful), not "ありがたいけど" (grateful, but no); "助かる〜" said as it happens
        # (nor "ありがたいお話ですが、今回は遠慮します", "将来的にはありがたいんですけどね…")
        "ありがたい(?:です)?(?!(?:ん|の|お話|話|申し出)?(?:です|だ)?(?:けど|が))",
        f"助かる(?=[〜~ー!！…。wｗ]|\\s*$|\\s*[{TYE}{EMO}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:)",
        # "恩に着ます" (I owe you one); Kansai "おおきに"; chat "ありです！" (not "それもありです", that's an option too)
        "恩に着(?:ます|る)",
        "おおきに",
        # praise as thanks: "仕事早すぎて神 :pray:" (a god) — "神" only closing what is said, not "神戸", "神対応の件" (Kobe, the
        # "godlike service" case); not "さすが" (just as expected of you), which the labelled sets read as praise more often
        f"神(?=[!！〜~ー…。wｗ]|\\s*$|\\s*[{TYE}{EMO}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:)",
        "頭が上がりません",  # "本当に頭が上がりません" (I can't thank you enough)
        f"ありです(?<![もはでがの]ありです)(?=[!！〜~ー]|\\s*$|\\s*[{TYE}{EMO}{_UEMOJI}]|\\s*:[a-z0-9_+-]+:)",
    ],
    *[
        "감사하게도",  # "감사하게도 <@A> 님이 휴가 전에 … 적어주셔서" (gratefully, A…)
        "감사합니다",
        "감사합ㄴ다",  # (a slip: the last syllable left unfinished)
        "감사해요",
        "감사드립니다",
        "감사드려요",
        "감사해",
        "고맙습니다",
        "고마워요",
        "고마워",
        "고마웠어요",
        # thanks for a meal or for one's effort: "잘 먹었습니다 <@A> 쌤!", "수고하셨습니다"
        "잘 먹었습니다",
        # Japanese thanks for a meal someone paid for: "ごちそうさまでした！", "ご馳走様です"
        "ごちそうさま(?:でした|です)?",
        "ご馳走様(?:でした|です)?",
        "잘 먹었어요",
        "잘먹었습니다",
        "잘먹었어요",
        "수고하셨습니다",
        "수고하셨어요",
        # "리허설 같이 해주신 <@A> <@B> 고생하셨습니다" (you went through a lot: thanks for the effort), "수고 많았어요" —
        # not said to everyone ("다들 고생 많으셨습니다!", the whole team: no one's thanks)
        *[
            f"{phrase}(?<!다들 {phrase})(?<!모두 {phrase})(?<!여러분 {phrase})(?<!모두들 {phrase})"
            for phrase in (
                "고생하셨습니다",
                "고생하셨어요",
                "고생 많으셨습니다",
                "고생 많았어요",
                "수고 많으셨습니다",
                "수고 많으셨어요",
                "수고 많았어요",
            )
        ],
        # chat shorthand of 감사 (gamsa): ㄱㅅ, ㄳ
        "ㄱㅅ",
        "ㄳ",
        # "감사!" alone (not "감사 결과", the audit's result), and the loanwords "땡큐" / "땡스"
        f"감사(?=\\s*(?:[!~.…ㅎㅋ^]|$|[{TYE}{EMO}])|감사)",
        # chat forms: "서버 빨리 바꿔줘서 감사요", "넵 알겠습니다 ㅎㅎ 감사함당", "고마웤ㅋㅋ" (고마워 with ㅋ run into it), "고맙네요"
        "감사요",
        "감사함(?:당|다|돠|니당)?",
        # "설명해주셔서 감삼다 ㅎㅎ", "감사해용", "고마웡"
        "감삼다",
        "감사해용",
        "고마웡",
        "감사합니당",
        "감사해용",
        "고마웤",
        "고마웡",
        "고마워용",
        "고맙",
        "땡큐",
        "땡스",
    ],
    # Japanese loanword "thank you": "サンキュー <@A>!" — not inside a longer katakana word ("サンキューセール")
    *[f"{w}(?![ァ-ヺー])" for w in ("サンキュー", "サンキュ", "さんきゅー", "さんきゅ", "センキュー")],
    *[
        "धन्यवाद",
        "शुक्रिया",
        "आभार",
        # Tamil, Kannada, Telugu, Malayalam, Bengali, Gujarati, Punjabi, Urdu: "நன்றி <@A>!", "ಧನ್ಯವಾದಗಳು"
        "நன்றி(?:கள்)?",
        "ಧನ್ಯವಾದ(?:ಗಳು)?",
        "ధన్యవాదాలు",
        "ధన్యవాదం",
        "థాంక్స్",  # Telugu script's "thanks": "<@A> చాలా థాంక్స్! updating now"
        "നന്ദി",
        "ধন্যবাদ",
        "આભાર",
        "ਧੰਨਵਾਦ",
        "شکریہ",
        # "جزاك الله خير(اً)", "ألف شكر" (a thousand thanks), "شكرًا" with its tanween before the alif,
        # "تسلم إيدك" / "يعطيك العافية" (thanks for work done)
        "جزاك الله خيرا?ً?",
        "جزاكم الله خيرا?ً?",
        "جزاك الله",
        "جزاكم الله",
        "ألف شكر",
        # "الشكر لـ <@A> أيضاً" (the thanks to A too), "شكر خاص لـ", "كل الشكر لـ", "جزيل الشكر لـ" (the tatweel is dropped)
        f"الشكر (?:الجزيل )?ل(?= ?{M})",
        f"شكر خاص ل(?= ?{M})",
        f"كل الشكر ل(?= ?{M})",
        f"جزيل الشكر ل(?= ?{M})",
        "الف شكر",
        "شكرًا",
        "شكرا",
        "تسلم إيدك",
        "تسلم ايدك",
        "تسلم يدك",
        "الله يسعدك",  # (may God make you happy) "حجزت هناك الخميس الجاي. الله يسعدك يا روان"
        "يعطيك العافية",
        "يعطيكم العافية",
        "يعطيكي العافية",  # (to a woman)
        # "يسلمو ايديكم" (bless your hands), "يسلمو" alone
        "يسلمو",
        "يسلموا",
        "يسلم ايديك",
        "يسلم إيديك",
        "أشكرك",
        "اشكرك",
        # "أود أن أشكر فريق العمليات، وخصوصاً <@A> و <@B>" (I'd like to thank…), "نشكركم" (we thank you)
        "أشكر",
        "أشكركم",
        "اشكركم",
        "نشكر",
        "نشكركم",
        "مشكور",
        "مشكورة",
        "مشكورين",
        # formal: "أتقدم بالشكر والتقدير للزميل <@A>" (I extend thanks and appreciation), "والشكر الكبير لـ <@A>"
        "أتقدم بالشكر(?: والتقدير)?",
        "الشكر الكبير ل",
        "شكر كبير ل",
        "ممنون",
        # Amharic, Burmese, Khmer, Lao, Sinhala, Mongolian, Kazakh, Georgian, Armenian, Persian, Pashto, Serbian,
        # Macedonian: the everyday thanks of each
        "አመሰግናለሁ",
        "እናመሰግናለን",
        # Arabic of Egypt and the Gulf: "ما قصرت", "تسلم يمناك", "يعطيك العافية", "الله يجزاك خير", "ميرسي", "متشكرة"
        "ما قصرت",
        "ما قصرتي",
        "ما قصرتوا",  # (to several: "ما قصرتوا والله 👏")
        "ما تقصر",
        "ما تقصري",
        "تسلم",
        "تسلمي",
        "تسلمين",
        "يعطيك العافية",
        "يعطيك العافيه",
        "يعطيك ألف عافية",
        "الله يجزاك خير",
        "جزاك الله خير",
        "ميرسي",
        "متشكر",
        "متشكرة",
        "متشكرين",
        "ကျေးဇူးတင်",
        "អរគុណ",
        "ຂອບໃຈ",
        "ස්තූතියි",
        "баярлалаа",
        "рахмет",
        "рақмет",
        "рахмат",  # (Uzbek and Tajik in Cyrillic: "пригодится! Перенесу пуши на 21:30, рахмат")
        "ขอบคุง",  # Thai: the chat spelling "ขอบคุงค่ะ <@A>", and the formal "ขอบพระคุณ <@A> ที่ไปช่วยคุย…"
        "ขอบพระคุณ",
        "მადლობა",
        "მადლობელი(?: ვარ| ვართ)?",  # "ძალიან მადლობელი ვარ" (I am very grateful)
        "გაიხარე",  # "ვიპოვე, გაიხარე 👍" (found it, bless you: thanks)
        "შენი ჭირიმე",
        "շնորհակալություն",
        "سپاس",
        "متشکرم",
        "مرسی",
        "مننه",
        "хвала",
        "благодарам",
        "תודה",
        "מודה לך",
        # "תנקס" (thanks, transliterated), "הצלת אותי" (you saved me), "רציתי להודות לך" (I wanted to thank you)
        "ת['׳]?נקס",  # (with a geresh too: "ת'נקס <@A> על הדאטהסט")
        "הצלת אותי",
        "הצלתם אותי",
        # "you're a machine / a cannon / a champion": "אחי אתה מכונה", "את תותחית", "אתה אלוף"
        "אתה מכונה",
        "אתה מלאך",  # "<@A> אתה מלאך!!! 😇" (you're an angel)
        "את מלאך",
        "את מלאכית",
        "את מכונה",
        "אתה תותח",
        "את תותחית",
        "אתה אלוף",
        "את אלופה",
        "להודות לך",
        "להודות לכם",
        "ขอบคุณ",
        "ขอบใจ",
        "แต๊งกิ้ว",  # Thai loanword "thank you"
        "แต๊งกิ้วน(?:้|า)+",  # (drawn out: "ได้แล้วค่ะ แต๊งกิ้วน้าาา <@A>")
        "ทีเอ็กซ์",  # Thai "tx", spelled out: "รับค่ะ ทีเอ็กซ์ <@A>", "ทีเอ็กซ์ครับ เข้าได้แล้ว"
        # Russian slang "благодарочка" (thanks); Vietnamese "đội ơn" (deeply grateful): "<@A> hay quá, RSS phẳng luôn.
        # đội ơn a :bow:"
        "благодарочка",
        "đội ơn",
        # Cantonese: "唔該晒" (thanks a lot for a favour), "多謝晒" — not a bare "唔該" (please, excuse me)
        "唔該晒",
        "唔该晒",
        "多謝晒",
        "多谢晒",
    ],
    *["谢啦", "感恩", "감사히"],
    # "辛苦了" (you've worked hard: thanks for the effort), like Korean "수고하셨습니다": "<@A> 辛苦了 👍", "辛苦啦 <@A>",
    # "辛苦 Priya 🙏" — not "很辛苦" / "太辛苦了" (it was hard) / "你们更辛苦" (you had it harder); "蟹蟹" is chat for "谢谢"
    # (said to everyone it is no one's thanks: "大家辛苦了！", "辛苦了各位 💪")
    *[
        # ("两位辛苦了" is said to two people: not "各位辛苦了", everyone)
        f"辛苦{tail}(?<![很太好挺真蛮超更家]辛苦{tail})(?<!各位辛苦{tail})(?![各大先]|\\s*(?:各位|大家))"
        for tail in ("了", "啦", "你了", "您了", "你们了", "辛苦", "哈", "晒")  # (Cantonese "辛苦晒")
    ],
    f"辛苦(?=\\s*(?:[!！~～,，。.…]|$|[{TYE}{EMO}{_UEMOJI}]|{M}|[a-z]))(?<![很太好挺真蛮超更家位]辛苦)",
    "蟹蟹",
    guard_end=False,
)
_words("emoji", TYE, guard_end=False)
# Not "?!" or "!?": surprise, not a question ("déjà ?! merci beaucoup").
# (not "?!" nor "??", surprise: "<@A> already?? you're a machine. thank you")
# (nor a Korean question of surprise at something done: "<@A> 헐 벌써 다 돌리셨어요? … 진짜 감사합니다", "진짜요?")
_KO_SURPRISE = "".join(
    f"(?<!{ending}\\?)"
    for ending in ("셨어요", "었어요", "았어요", "였어요", "했어요", "셨다고요", "진짜요", "정말요", "벌써요")
)
_words("req", f"\\?(?![!！?？])(?<![!！?？]\\?){_KO_SURPRISE}", "？(?![!！?？])(?<![!！?？]？)", "؟", guard_end=False)
# Greek asks with ";" (its question mark, which NFC makes the semicolon): "Μια ερώτηση προς <@A>: … τώρα ή μετά το
# καλοκαίρι; Ευχαριστώ" — after a Greek word, not a semicolon between English clauses.
_GREEK_LETTER = "[\u0370-\u03ff\u1f00-\u1fff]"
_words("req", f";(?<={_GREEK_LETTER};)", f";(?<={_GREEK_LETTER} ;)", guard_end=False)
_words(
    "req",
    # Asking someone to thank another is talk about thanking, and a request: "<@A> please thank your mom on
    # behalf of the floor :pray:" — the emoji closes the request.
    *_product(
        ("please", "pls", "plz"),
        (
            " (?:(?:also|all|do|remember to|make sure to|kindly) )?"
            "(?:thank|say thanks|say thank you|send (?:a |my |our )?(?:thanks|thank[- ]you))",
        ),
    ),
    "please",
    "pls",
    "plz",
    "plse",
    *_product(("can", "could"), (" (?:you|u|someone|anyone|somebody)",)),
    *_product(("would", "will"), (" (?:you|u)",)),
    "anyone",
    "any (?:update|news|idea|chance|eta)s?",
    "lmk",
    "let me know",
    "ptal",
    *_product(("when", "whenever"), (" you (?:get|have) a (?:sec|second|moment|minute|chance)",)),
    # "<@A> gentle reminder to sign the offer letters 🙏 Thanks!"
    "gentle reminder",
    # "solid writeup. one ask: add the alert to the action items. thanks!"
    *_product(("one", "quick", "small", "tiny", "minor", "only", "last", "big"), (" ask(?=:)",)),
    "graag(?! gedaan| geholpen| gehoord)",  # Dutch "please": "<@A> ja, graag laten staan :pray:" (not "graag gedaan")
    *_product(("when", "whenever"), (" you can",)),  # "<@A> regression on Android 14 when you can, makasih!"
    *_product(("friendly", "quick", "just a"), (" reminder to",)),
    # "would love your eyes on commit 3, thanks!", "I'd love a review"
    *_product(
        ("would", "i'd", "id"),
        (" love (?:your|a|some|an extra|another) (?:eyes|eye|review|look|thoughts|input|feedback|opinion)",),
    ),
    # "can you" in the other supported languages, which may ask without a question mark
    *_product(("kannst", "könntest", "konntest", "können", "könnten"), (" (?:du|sie|ihr)",)),
    *_product(("puedes", "podrías", "podrias", "podéis", "podria", "podría", "pode", "podes", "poderia"), ("",)),
    "peux[- ]tu",
    "pourrais[- ]tu",
    "pouvez[- ]vous",
    "pourriez[- ]vous",
    "puoi",
    "potresti",
    "potreste",
    *_product(("kun", "kan", "kunt", "zou"), (" (?:je|jij|u)",)),
    *_product(("kan", "kunde"), (" (?:du|ni)",)),
    "mo[zż]esz",
    "mo[zż]ecie",
    "mo[zż]e pan(?:i)?",
    "por favor",
    # its chat forms: "diapos antes del jueves porfa, ¡gracias!", "manda o link pfv"
    *("porfa", "porfi", "porfis", "porfavor", "xfa", "pfv", "pfvr", "plis", "pliss"),
    "s'il (?:te|vous) pla[iî]t",
    "stp",
    "svp",
    "bitte",
    "per favore",
    "alsjeblieft",
    "alstublieft",
    # its short form: "nog even jullie rijen invullen aub, dank!"
    "aub",
    "a\\.u\\.b\\.?",
    "snälla",
    "prosz[eę]",
    "l[üu]tfen",
    "пожалуйста",
    # Ukrainian "будь ласка" (please), "можеш/можете…?" and Russian "можешь/можете" (can you), which may ask with no
    # question mark: "<@A> <@B> фідбек до завтра будь ласка, дякую!", "<@A> 🙏 можеш апрувнути?"
    "будь ласка",
    "можеш",
    "можете",
    "можешь",
    "не могли бы",
    # Spanish "cuando puedas actualiza el submódulo, gracias!", Indonesian "review dong kalau sempat 🙏" (if you have time)
    "cuando (?:puedas|pueda|puedan|podáis|podais|tengas un rato|tengáis un rato)",
    # Catalan "<@A> <@B> quan pugueu 🙏" (when you can); Spanish "avísame y la paso por QA" (let me know); "sin prisa"
    # (no rush) on a hand-over: "te dejo la beta para el lunes, sin prisa, ¡gracias!"
    "quan (?:puguis|pugueu|tinguis un moment)",
    "av[íi]s(?:ame|anos|adme)",
    "sin prisa",
    "sense pressa",
    # Italian and Portuguese: "<@A> mi serve il breakdown… quando riesci 🙏", "quando puder"
    "quando (?:riesci|puoi|hai (?:un attimo|tempo)|puder|der)",
    "kalau sempat",
    "kalo sempat",
    # "<@A> whenever you can :pray:", "<@A> <@B> whoever gets to it first 🙏", "need log access from <@A> 🙏"
    "whenever you can",
    "whoever has (?:time|a (?:sec|second|minute|moment))",
    "looking forward to your (?:comments|feedback|thoughts|review|input)",
    # Polish "rzuć okiem, jak znajdziesz chwilę", Czech "prosím převezmi"
    "rzu[cć](?:cie)? okiem",
    "jak znajdziesz chwil[eę]",
    "pros[íi]m",
    "whoever gets to it",
    f"need (?:[\\w'-]+ ){{0,6}}from(?= {M})",
    # …in Swedish and Norwegian: "Blockers: behöver en färsk staging-DB snapshot från <@B> 🙏"
    f"behöver (?:[\\w'-]+ ){{0,6}}från(?= {M})",
    f"trenger (?:[\\w'-]+ ){{0,6}}fra(?= {M})",
    # Polish "<@A> <@B> czekam na was 😇 dzięki!" (I'm waiting for you)
    "czekam na (?:was|ciebie|cię|cie|pana|panią|pania|wasze|twoje|twój|twoj|twoją|twoja)",
    # Greek "σε περιμένω να υπογράψεις" (I'm waiting for you to sign), "θα χρειαστώ τα estimates σου" (I'll need),
    # "αν προλαβαίνεις" (if you have time), "μπορείς να…" (can you…)
    "σε περιμένω",
    "σας περιμένω",
    "θα χρειαστώ",
    "θα χρειαστούμε",
    "αν προλαβαίνεις",
    "αν προλαβαίνετε",
    "όταν μπορέσεις",
    "μπορείς να",
    "μπορείτε να",
    # Hinglish asks with an imperative: "ek baar dekh lena, thanks"
    "dekh (?:lena|lijiye|lijiyega|lo)",
    *_product(("kar", "bhej", "bata"), (" (?:dena|dijiye|dijiyega|do)",)),
    "vui lòng",
    "làm ơn",
    "tolong",
    "mohon",
    # Vietnamese and Indonesian ask without a question mark: "<@A> chị duyệt giúp em với, cảm ơn chị ạ", "xem giùm
    # mình", "được không", "bisa bantu cek PR ini, makasih" — not "anh đã giúp em", "giúp em nhiều quá" (help given)
    "giúp(?<!đã giúp)(?<!vì giúp) (?:em|mình|tôi|tớ|con)(?! (?:rất|nhiều|xong|quá))",
    # …and for someone else or by a time, signed off: "review giúp anh nhé", "Log giúp Mai trước 5h nha, tks 🙏",
    # "<@A> review giúp, tks!"
    "giúp(?<!đã giúp)(?<!vì giúp)(?= [^\\W\\d_]+ (?:nha|nhé|nhe|với)\\b|,? (?:tks|thks|thanks|thx|cảm ơn|cám ơn)\\b"
    "| (?:trước|nha|nhé|với)\\b)",
    "giùm",
    "hộ (?:em|mình|tôi|tớ)",
    # "chị cho em xin lại file macro CS nhé, ko gấp đâu ạ, cám ơn chị" (may I have)
    *_product(("cho",), (" (?:em|mình|tôi|tớ|chị|anh|con)",), (" xin",)),
    "được không",
    "bisa (?:tolong|bantu|cek|dicek|review|lihat|dilihat|minta|kirim)",
    # an errand asked: "<@A> titip es kopi susu satu ya, makasih!", Sundanese "nitip hiji kotak nya, hatur nuhun!"
    "titip",
    "nitip",
    "παρακαλώ",
)
# "رسالة الشكر لـ <@A>" (the thank-you letter for A): a thing named, not a thanks.
_words("noop", "رسالة الشكر", "رسائل الشكر", "بطاقة الشكر", "كلمة الشكر", "خطاب الشكر", guard_end=False)
_words(
    "req",
    # (not inside 邀请 / 申请, invite / apply, nor 请假 / 请客, take leave / treat someone)
    "请(?<![邀申]请)(?![假客])",
    "請(?<![邀申]請)(?![假客])",
    "拜託",
    "拜托",
    "お願い(?!して(?:い)?た|しました|した)",
    "부탁",
    "요청(?:드려요|드립니다|드릴게요|해요|합니다)",  # "<@A> 님 prod read replica 접근 권한 요청드려요~ 감사합니다"
    "कृपया",
    "من فضلك",
    "בבקשה",
    "กรุณา",
    "รบกวน",
    "ให้หน่อย",
    guard_end=False,
)
# Languages that can ask without a question mark: Thai "…ได้ไหม ขอบคุณครับ", Chinese "…吗 谢谢", Japanese
# "…ください", Korean "…주세요", Turkish "…bakabilir misin, teşekkürler". A thanks after them closes a request.
_words(
    "req",
    *[
        "ไหม",
        "มั้ย",
        "มั๊ย",
        "吗",
        "嗎",
        "麻烦",
        "麻煩",
        # "<@A> 帮我看一下…，谢谢！" (help me look at…), "帮忙看下" (give a hand with) — not "帮我确认了…" (helped me)
        "帮我看(?:一下|下|看)",
        "幫我看(?:一下|下|看)",
        "帮忙看(?:一下|下|看)",
        # "<@A> 帮忙订一下上海大会议室，谢谢" (book it for us, thanks)
        "帮忙(?=[^，,。！？!?\\n]{1,10}?一下)",
        "幫忙看(?:一下|下|看)",
        "能不能",
        "可不可以",
        # "<@A> 有空帮我看看…，谢谢" (when you have time, help me look), "方便的话" (if it suits you)
        "有空",
        "有时间的话",
        "有急事",  # "有急事找 <@A>，謝謝" (anything urgent, go to A): a notice signed off
        "方便的话",
        "ください",
        "下さい",
        "ますか",
        "でしょうか",
        # "…見てもらえる？" (could you look), "…いただけると助かります"
        "てもらえる",
        "てもらえない",
        "ていただけると",
    ],
    *["주세요", "주실", "을까요", "할까요", "될까요", "나요", "दीजिए", "ممكن", "אפשר"],
    # Hindi asks with an imperative too: "<@A> … एक बार देख लेना. धन्यवाद" (have a look once)
    *_product(("देख ", "कर ", "भेज ", "बता "), ("लेना", "लीजिए", "लीजिये", "देना", "दीजिये")),
    guard_end=False,
)
# …and "I'm waiting for": "<@A> <@B> feedback'inizi bekliyorum, özellikle kartların hiyerarşisi konusunda 🙏"
_words("req", "m[iıuü]s[iıuü]n(?:[iıuü]z)?", "rica etsem", "bekliyorum", "bekliyoruz")
# …not "ciddi misin 🥹 çok sağ ol" (are you serious? thank you so much), surprise at a kindness, nor Chinese "真的嗎 😭
# 大感謝" (really? big thanks)
_words("noop", "ciddi m[iı]s[iı]n(?:[iı]z)?")
_words("noop", "真的嗎", "真的吗", "真的假的", guard_end=False)
# thanks to oneself: "謝謝我自己撐過這週 🫠" (thanks, me, for getting through the week)
_words("noop", "謝謝我自己", "谢谢我自己", "感謝我自己", "感谢我自己", guard_end=False)
# A wish that asks: "would be good to have <@A> and <@B> in. Ta", Indonesian "review ya kalau sempet, thanks!"
_words(
    "req",
    *_product(("would be", "it'd be", "itd be", "it would be"), (" (?:good|great|nice|helpful|ideal) (?:to have|if)",)),
    "kalau sempe?a?t",
    "kalo sempe?a?t",
    # "Would really love eyes from support folks, <@A> <@B> 🙏", "we'd love some feedback from <@A>"
    *_product(
        ("would", "i'd", "id", "we'd", "wed"),
        (
            " (?:really |very much |so )?love (?:some |your |a |more |any )?(?:eyes|feedback|input|thoughts|help|a hand|a review|reviews|opinions?)",
        ),
    ),
)
# French "merci de" + a verb asks ("Merci de me l'envoyer avant vendredi", "merci de pas refaire ça"); "merci d'avoir…",
# "merci de m'avoir aidé", "merci de votre retour" thank
_words(
    "req",
    *_product(
        ("merci de ", "merci d'", "merci d’"),
        (
            "(?:ne (?:pas |plus )?|pas |bien )?(?:(?:me |m['’]|nous |lui |leur |vous |te |t['’])(?:le |la |les |l['’])?)?"
            "(?!(?:votre|notre|vôtre|autre|être|avoir|leur|rien)\\b)[a-zéèêàâîôûç]+(?:er|ir|re)\\b",
        ),
    ),
)
# Tagalog asks with "pa-" and "paki-": "pa-review naman ng doc ko. Salamat po!", "pakicheck", "pakisabi salamat"
_words("req", "pa-(?=[a-z])", "paki(?=[a-z])(?!ramdam|alam|nabang|kinabang|sama)", guard_end=False)
# A need with a deadline asks for something even without a question: "<@A> need the margin calc by 3, thx!",
# "brauche die Zahlen bis morgen, danke", "necesito el informe para mañana, gracias".
_DEADLINE = (
    "(?:by|before|until|till|bis|para|até|ate|pour|entro|voor|före|do|przed) (?:the |el |la |las |as |le |la |de )?"
    "(?:\\d|eod|eow|cob|noon|tonight|tomorrow|today|end of|next|this (?:afternoon|evening)|monday|tuesday|wednesday|"
    "thursday|friday|morgen|heute|mañana|hoy|amanhã|amanha|hoje|demain|ce soir|domani|oggi|stasera|jutra|dziś|"
    # weekdays: "necesito 20 cascos más para el lunes", "brauche es bis Montag", "preciso até sexta"
    "lunes|martes|miércoles|jueves|viernes|segunda|terça|quarta|quinta|sexta|lundi|mardi|mercredi|jeudi|vendredi|"
    "montag|dienstag|mittwoch|donnerstag|freitag|lunedì|martedì|mercoledì|giovedì|venerdì)|asap"
)
_words(
    "req",
    *_product(
        ("needs?", "brauch(?:e|en)", "necesit(?:o|amos)", "precis(?:o|amos)", "besoin", "bisogno", "potrzebuj[eę]"),
        (f" (?:[^\\s.!?,]+ ){{0,8}}?(?:{_DEADLINE})",),
    ),
)
# "especially <@A>" in every supported language ("e em especial <@A> e <@B>", "Özellikle <@A>'e teşekkürler").
_ESPECIALLY_WORDS = (
    "nhất là|especially|esp\\.?|particularly|in particular|notably|above all|most of all|specially|specifically|"
    "en especial|em especial|en particular|especialmente|sobre todo|sobretudo|in particolare|soprattutto|specialmente|"
    "en particulier|surtout|notamment|besonders|speziell|vor allem|insbesondere|speciellt|särskilt|vooral|in het bijzonder|"
    "szczególnie|zwłaszcza|özellikle|особенно|đặc biệt|terutama|khususnya|ειδικά|ιδιαίτερα|eidika|idika|spesielt|særlig|især|specielt"
)
_ESPECIALLY_NOSPACE = "尤其是|尤其|特别是|特别|特別|特に|특히|खासकर|خاصة|خصوصا|במיוחד|โดยเฉพาะ"
# Found by the scan, so a cue looks for "especially <@A>" only when the word is in its sentence.
_words("esp", *_ESPECIALLY_WORDS.split("|"))
_words("esp", *_ESPECIALLY_NOSPACE.split("|"), guard_end=False)
# Laughter, which may laugh off praise before a thanks ("haha merci, c'est tes textures qui font tout").
_words(
    "laugh",
    "ha(?:ha)+h?",
    "he(?:he)+",
    "hi(?:hi)+",
    "lol",
    "aw+",
    "ah(?:ah)+",
    "ja(?:ja)+",
    "kkk+",
    "rs(?:rs)+",
    "wk(?:wk)+",
    "xd+",
)
_words("laugh", "ㅋㅋ+", "ㅎㅎ+", "笑", guard_end=False)
# A condition put to someone, in the supported languages: "if you can…", "si puedes…", "si me mandas…", "wenn du…",
# "se conseguir…", "als je…", "jeśli…", "если успеешь…", "kalau bisa…", "nếu anh…" — a debt or thanks after it in the
# same sentence is a request ("if you can get it cleared before 16:00 I owe you a beer"). Not the counterfactual "if
# you hadn't caught it" (gratitude). Only the conjunction is consumed: the scan reads on from the person.
_words(
    "cond",
    "if(?= (?:you|u|y'all|someone|anyone|somebody|we)\\b)"
    "(?! (?:you|u|y'all|someone|anyone|somebody|we) (?:hadn'?t|had not|weren'?t|were not|didn'?t|did not|wouldn'?t|"
    "would not|never)\\b)",
    "si(?= me [^\\W\\d_]+[ae]s\\b| (?:tu|vous|puedes|podés|pudieras|podrías|me lo|me la|me los|lo|la|tienes|tenés|"
    "logras|consigues|alcanzas|usted)\\b)",
    "se(?= (?:você|voce|vc|tu|conseguir|conseguires|puder|puderes|riesci|puoi|mi)\\b)",
    "wenn(?= (?:du|ihr|sie)\\b)",
    "falls(?= (?:du|ihr|sie)\\b)",
    "als(?= (?:je|jij|u)\\b)",
    "om(?= (?:du|ni)\\b)",
    "jeśli",
    "jeżeli",
    "eğer",
    "если(?= (?:ты|вы|сможешь|сможете|успеешь|успеете))",
    "kalau(?= (?:bisa|kamu|anda|lo|lu)\\b)",
    "kalo(?= (?:bisa|kamu|anda|lo|lu)\\b)",
    "jika(?= (?:bisa|kamu|anda)\\b)",
    "nếu(?= (?:anh|chị|em|bạn)\\b)",
)


_META = frozenset(".^$*+?{}()[]|\\")


def _literal_prefix(fragment: str) -> tuple[str, str]:
    """Split a regex phrase into its leading literal characters and the regex that follows."""
    out: list[str] = []
    i = 0
    while i < len(fragment):
        ch = fragment[i]
        width = 1
        if ch == "\\":
            if i + 1 >= len(fragment) or fragment[i + 1].isalnum():
                break  # \s, \w, \b …
            ch, width = fragment[i + 1], 2
        elif ch in _META:
            break
        if fragment[i + width : i + width + 1] in ("?", "*", "+", "{"):
            break  # quantified: "thanks?" keeps "s?" in the regex part
        out.append(ch)
        i += width
    return "".join(out), fragment[i:]


def _expand(fragment: str) -> list[str]:
    """A phrase starting with a character class becomes one phrase per character ("[sş]imdiden")."""
    if fragment.startswith("["):
        end = fragment.index("]")
        return [c + fragment[end + 1 :] for c in fragment[1:end]]
    return [fragment]


class _Trie:
    __slots__ = ("children", "tails")

    def __init__(self) -> None:
        self.children: dict[str, _Trie] = {}
        self.tails: list[str] = []

    def add(self, literal: str, tail: str) -> None:
        node = self
        for ch in literal:
            node = node.children.setdefault(ch, _Trie())
        node.tails.append(tail)

    def regex(self) -> str:
        # Longer literal continuations first, then this node's own regex tails in vocabulary order, so
        # "thanks in advance" is tried before "thanks"; every alternative starts with a literal, which
        # the regex engine rejects in one comparison.
        alts = [re.escape(ch) + child.regex() for ch, child in self.children.items()] + self.tails
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"


def _alternation(words: str) -> str:
    """A regex for "a|b|…" as a trie: the engine tests each first character once, not each word."""
    trie = _Trie()
    for word in _top_level_alternatives(words):
        trie.add(*_literal_prefix(word))
    return trie.regex()


def _top_level_alternatives(words: str) -> list[str]:
    """ "a|b(?:c|d)" → ["a", "b(?:c|d)"]: split at the "|" that are outside any group."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(words):
        if ch == "(" and (i == 0 or words[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and (i == 0 or words[i - 1] != "\\"):
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(words[start:i])
            start = i + 1
    out.append(words[start:])
    return out


def _is_latin(c: str) -> bool:
    return c.isalpha() and ord(c) < 0x0590  # Latin, Greek, Cyrillic: words separated by spaces


# Characters that may precede a word. Not "." "/" "@" "#" "-": "cheers.io", "/thanks", "#thanks" are
# names, not words. The Latin vocabulary is only tried right after one of these, which lets the
# engine skip the inside of words with a fast character-set test.
_WORD_START = (
    "[\\s,!?:;()\\[\\]{}\"'“”‘’*_~<>|=+^&%$¡¿\u2000-\u2bff\u3000-\u303f\uff00-\uff0f\ue000-\ue00f"
    "\U0001f000-\U0001faff\U000f0000-\U000ffffd]"
)
# The same characters written for the engine's sake: one class of the characters below U+10000 (tested
# with one table look-up per character) or one of the emoji and mention-token ranges above it. A class
# holding characters above U+FFFF is tested range by range, so every letter of a message paid for the
# whole list; the scan and the pre-filter run this test at every character.
_WORD_START_FAST = (
    "(?:[\t\n\v\f\r\x1c-\x1f ,!?:;()\\[\\]{}\"'“”‘’*_~<>|=+^&%$\x85\xa0¡¿\u1680\u2000-\u2bff\u3000-\u303f"
    "\uff00-\uff0f\ue000-\ue00f]|[\U0001f000-\U0001faff\U000f0000-\U000ffffd])"
)


# The only ASCII characters that start a phrase of the scan's other-scripts vocabulary ("?" requests,
# "/s"); _scan relies on it to skip that regex on ASCII messages.
_OTHER_ASCII_STARTS = frozenset("?/;")  # (";" only after a Greek letter: never in an ASCII message)


def _build(
    vocab: list[tuple[str, str]], *, marks: bool, check_ascii: bool = True
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(Latin regex, other-scripts regex). The Latin one must be run on " " + text."""
    latin, other = _Trie(), _Trie()
    for n, (kind, fragment) in enumerate(vocab):
        for i, phrase in enumerate(_expand(fragment)):
            literal, tail = _literal_prefix(phrase)
            if not literal:
                raise ValueError(f"vocabulary phrase must start with a literal: {fragment!r}")
            if literal == "/s":
                literal, tail = "/", "(?<![\\w/]/)s" + tail  # "/s" as a sarcasm marker, not "km/s"
            mark = f"(?P<{kind}__{n}_{i}>)" if marks else ""
            if (
                check_ascii
                and literal[0].isascii()
                and not _is_latin(literal[0])
                and literal[0] not in _OTHER_ASCII_STARTS
            ):
                raise ValueError(f"_scan skips the other-scripts regex on ASCII text: {fragment!r}")
            (latin if _is_latin(literal[0]) else other).add(literal, tail + mark)
    # One set test of the phrases' first letters before the alternatives are tried one by one: a word start
    # followed by a mention, digit or letter no phrase starts with is rejected at once.
    first = "".join(re.escape(ch) for ch in latin.children)
    return re.compile(f"{_WORD_START_FAST}(?=[{first}]){latin.regex()}"), re.compile(other.regex())


_KIND_MEMO_LATIN: dict[str, str] = {}
_KIND_MEMO_OTHER: dict[str, str] = {}
_KIND_MEMO_MAX = 50_000
_KINDS_CUE = frozenset({"karma", "strong", "kudos", "grat", "emoji"})

# The pre-filter: the cue phrases alone, made permissive (no end-of-word test, a mention is anything
# in its raw markup "<…>"), plus the thanks emoji shortcodes; run on the lowercased text through `_prepare`
# (thanks emoji are already the token the cue phrases name, Slack markup is still raw).
# A look-behind naming a mention ("덕분에(?<={M}님 덕분에)") is dropped: raw markup has no fixed width, and the
# pre-filter may pass more than the scan finds, never less.
_MENTION_LOOKBEHIND = re.compile(rf"\(\?<=[^()]*{re.escape(M)}[^()]*\)")
_PRE_VOCAB = [
    (kind, _MENTION_LOOKBEHIND.sub("", fragment.replace(_E, "")).replace(M, "<[^>]*>"))
    for kind, fragment in _VOCAB
    if kind in _KINDS_CUE
]
_PRE_VOCAB += [("emoji", re.escape(f":{name}")) for name in sorted(_THANKS_EMOJI)]
_PRE_VOCAB += [("karma", "\\+\\+")]


def _build_ascii_prefilter(vocab: list[tuple[str, str]]) -> re.Pattern[str]:
    """The pre-filter for lowercased ASCII text (most messages), run on " " + text: the phrases that start
    with an ASCII character, after the ASCII word-start characters — an all-ASCII character class, which
    the engine tests several times faster per character than _WORD_START and its ranges. The few phrases
    starting with a word-start character themselves (":pray", "++") join the same trie: their first
    character is the one the class consumed, checked by a look-behind, so one search does the work of both
    of _maybe_thanks's regexes."""
    starts = "".join(c for c in map(chr, range(128)) if re.fullmatch(_WORD_START, c))
    trie = _Trie()
    for _, fragment in vocab:
        for phrase in _expand(fragment):
            literal, tail = _literal_prefix(phrase)
            if not literal[0].isascii():
                continue
            if _is_latin(literal[0]):
                trie.add(literal, tail)
            elif literal[0] in starts and len(literal) > 1:
                trie.add(literal[1:], f"(?<={re.escape(literal)})" + tail)
            else:
                raise ValueError(f"no word-start character before this phrase: {fragment!r}")
    first = "".join(re.escape(ch) for ch in trie.children)
    return re.compile(f"[{re.escape(starts)}](?=[{first}]){trie.regex()}")


class _Compiled:
    """The vocabulary's regexes, nearly a million characters of regex source: compiling them takes seconds of CPU, so
    it happens on the first detection (or at `warm_up`), not at import — `giveback digest` and the other commands
    that import the bot but never detect don't pay for it, and neither does the pure-Python module when the native
    build answers."""

    __slots__ = ("kind_latin", "kind_other", "pre_ascii", "pre_latin", "pre_other", "scan_latin", "scan_other")

    def __init__(self) -> None:
        self.scan_latin, self.scan_other = _build(_VOCAB, marks=False)
        # The same vocabulary with a named empty group closing each phrase, to tell which kind matched. A
        # match of a regex with hundreds of groups costs twice as much to build, so it runs only when the
        # matched text has not been seen before; what it says is remembered (bounded, see _kind).
        self.kind_latin, self.kind_other = _build(_VOCAB, marks=True)
        self.pre_latin, self.pre_other = _build(_PRE_VOCAB, marks=False, check_ascii=False)  # also ":" emoji, "+" karma
        self.pre_ascii = _build_ascii_prefilter(_PRE_VOCAB)


_COMPILED: _Compiled | None = None
_COMPILING = threading.Lock()


def _compiled() -> _Compiled:
    """The compiled vocabulary, compiling it once if no detection has yet (threads arriving meanwhile wait)."""
    global _COMPILED
    with _COMPILING:
        if _COMPILED is None:
            _COMPILED = _Compiled()
        return _COMPILED


def warm_up() -> None:
    """Compile the detector's regexes and read its model now rather than on the first message (`giveback run` does,
    before it connects: a message must not wait seconds for them inside Slack's 3-second window)."""
    _compiled()
    _weights()


def _may_contain_thanks(text: str) -> bool:
    """The pre-filter, on text through `_prepare`: False only when no cue phrase can be found in it."""
    lowered = text.lower()
    if "*" in lowered or "~" in lowered:
        # bold and strike marks are spaces to the scan (`_normalize`): "*Agradecimentos*: <@A>" must pass here too
        lowered = _unmark(lowered)
    if lowered.isascii():
        return (_COMPILED or _compiled()).pre_ascii.search(" " + lowered) is not None
    return _maybe_thanks(lowered)


def _maybe_thanks(lowered: str) -> bool:
    """False when the text cannot contain thanks: the fast path for most Slack traffic."""
    compiled = _COMPILED or _compiled()
    if lowered.isascii():
        return compiled.pre_ascii.search(" " + lowered) is not None
    return compiled.pre_latin.search(" " + lowered) is not None or compiled.pre_other.search(lowered) is not None


_Cue = tuple[str, int, int]  # (kind, start, end)


def _scan(low: str, ascii_source: bool) -> tuple[list[_Cue], list[int], list[int], list[tuple[str, int]]]:
    """Every vocabulary phrase, by what it does, each list in text order: the cues (kind, start, end), where
    requests and "especially" start, and the cancelling phrases (kind, start). `ascii_source`: the raw
    message was ASCII, so its only non-ASCII characters are the tokens markup became (mentions, links, emoji)."""
    cues: list[_Cue] = []
    reqs: list[int] = []
    esps: list[int] = []
    kills: list[tuple[str, int]] = []
    spaced = " " + low
    memo = _KIND_MEMO_LATIN
    kill_spans: list[tuple[int, int]] = []  # the text of each Latin cancelling phrase, in `low`'s positions
    compiled = _COMPILED or _compiled()
    for m in compiled.scan_latin.finditer(spaced):
        kind = memo.get(m.group()) or _kind(True, spaced, m)
        if kind in _KINDS_CUE:
            cues.append((kind, m.start(), m.end() - 1))
        elif kind == "req":
            reqs.append(m.start())
        elif kind == "esp":
            esps.append(m.start())
        else:
            kills.append((kind, m.start()))
            kill_spans.append((m.start(), m.end() - 1))
    if ascii_source and TYE not in low and SARC not in low and "/" not in low:
        # Then the other-scripts vocabulary can only find "?" (its one ASCII phrase besides "/s"): a string
        # search is cheaper than running the regex over every character.
        if "?" in low:
            pos = low.find("?")
            while pos != -1:
                # (not "?!" nor "??": surprise, as the "req" phrases say)
                if low[pos - 1 : pos] not in ("!", "?") and low[pos + 1 : pos + 2] not in ("!", "?"):
                    if reqs and reqs[-1] > pos:
                        insort(reqs, pos)
                    else:
                        reqs.append(pos)
                pos = low.find("?", pos + 1)
        return cues, reqs, esps, kills
    memo = _KIND_MEMO_OTHER
    n_cues, n_reqs, n_esps = len(cues), len(reqs), len(esps)
    for m in compiled.scan_other.finditer(low):
        if kill_spans and _inside(kill_spans, m.start()):
            continue  # the cancelling phrase owns its words: "Mo wà dáadáa, ẹ ṣé" is small talk, "ẹ ṣé" in it no cue
        kind = memo.get(m.group()) or _kind(False, low, m)
        if kind in _KINDS_CUE:
            cues.append((kind, m.start(), m.end()))
        elif kind == "req":
            reqs.append(m.start())
        elif kind == "esp":
            esps.append(m.start())
        else:
            kills.append((kind, m.start()))
            if kind == "smalltalk" and n_cues:
                # …both ways: "मी मस्त, thanks!" — the Latin "thanks" inside it is no cue either
                kept = [c for c in cues[:n_cues] if not m.start() <= c[1] < m.end()]
                cues[:n_cues] = kept
                n_cues = len(kept)
    # Each list is the Latin phrases in order, then the others in order: merged (no two start at one place).
    if n_cues and len(cues) > n_cues:
        cues.sort(key=_start)
    if n_reqs and len(reqs) > n_reqs:
        reqs.sort()
    if n_esps and len(esps) > n_esps:
        esps.sort()
    return cues, reqs, esps, kills


_start = itemgetter(1)


def _asked_in_a_later_sentence(reqs: list[int], sent_starts: list[int], cue: _Cue, pos: int) -> bool:
    """Whether something is asked after the sentence of `cue` and before `pos`."""
    r = bisect_right(reqs, cue[2])
    return r < len(reqs) and reqs[r] < pos and bisect_right(sent_starts, reqs[r]) > bisect_right(sent_starts, cue[1])


def _thanks_only_in_later_sentences(cues: list[_Cue], sent_starts: list[int], pos: int) -> bool:
    """Whether the first cue after `pos` starts in a later sentence than `pos` (so every later cue does)."""
    k = bisect_right([c[1] for c in cues], pos)
    return k < len(cues) and bisect_right(sent_starts, cues[k][1]) > bisect_right(sent_starts, pos)


def _ironic_aside(low: str, p: int, after: int) -> bool:
    """Whether the eye-roll at `p` closes an aside in brackets of two words or more, opened after `after` (the last
    thanks before it): the irony is about what the aside says ("(IST vs UTC 🙃)"), not the thanks ("(again 🙄)")."""
    if low[p] != SARC:
        return False
    opened = low.rfind("(", after, p)
    return (
        opened != -1
        and ")" not in low[opened:p]
        and low.find(")", p, p + 4) != -1
        and len(_WORD.findall(low, opened, p)) >= 2
    )


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(start <= pos < end for start, end in spans)


def _kind(latin: bool, text: str, m: re.Match[str]) -> str:
    """Which kind of phrase `m` is. Both regexes take the same alternative at the same position, so
    the marked one, anchored there, names it. The matched text alone decides the kind — no two kinds
    have a phrase consuming the same text (look-aheads only decide whether a phrase applies) — so
    the answer is remembered by text, one memo per regex."""
    memo = _KIND_MEMO_LATIN if latin else _KIND_MEMO_OTHER
    kind = memo.get(m.group())
    if kind is not None:
        return kind
    compiled = _COMPILED or _compiled()
    k = (compiled.kind_latin if latin else compiled.kind_other).match(text, m.start())
    kind = (k.lastgroup or "").partition("__")[0] if k and k.end() == m.end() else "noop"
    if len(memo) >= _KIND_MEMO_MAX:
        memo.clear()
    memo[m.group()] = kind
    return kind


_KARMA = re.compile(f"{M}\\+\\+")

# British "ta" before a first name: "nice one, ta Gaz", "Very generous, ta Rob :beers:", "Ta Marcus. 22 mins is…". The
# scan reads lowercased text, where "ta rob" cannot be told from Portuguese "ta bom"; the name's capital can.
_TA_NAMED = re.compile(
    rf"(?<![\w'’])[Tt]a (?!(?:Bom|Certo|Ok|Bien|Bueno|Tudo)\b)[A-Z][a-zà-ÿ]+(?=\s*(?:[,.!?;:)\n]|$|[{EMO}{TYE}]))"
)


def _ta_named(text: str) -> bool:
    """Whether the text has a "ta <Name>" (the pre-filter's test for it: the vocabulary's "ta" wants more after it)."""
    return ("ta " in text or "Ta " in text) and _TA_NAMED.search(text) is not None


def _add_ta_named(norm: str, cues: list[_Cue]) -> None:
    """Add each "ta <Name>" of the text (not lowercased) as a thanks cue, in order, unless the scan found it."""
    found = False
    for m in _TA_NAMED.finditer(norm):
        if not any(c[1] == m.start() for c in cues):
            cues.append(("grat", m.start(), m.start() + 2))
            found = True
    if found:
        cues.sort(key=_start)


# A name written in title case is a campaign or a product, not a thanks: "the new Thank a Teacher form", "Thank A
# Colleague week" — thanks said to someone do not capitalise the word after "a" ("Thank a lot").
_TITLED_NAME = re.compile(r"\bThank an? [A-Z]")


def _without_titled_names(norm: str, cues: list[_Cue]) -> list[_Cue]:
    """The cues, less those that open a title-case name (read in the text before lowercasing)."""
    titled = {m.start() for m in _TITLED_NAME.finditer(norm)}
    return [c for c in cues if c[1] not in titled] if titled else cues


_KINDS_CUE = frozenset({"karma", "strong", "kudos", "grat", "emoji"})

# Sentence ends: runs of ! ? and their CJK/Arabic forms and newlines (dots may join the run), and runs of
# dots followed by a space or the end — not "v1.2", "acme.io", nor after "esp." / "e.g." and the like.
# One regex, so the dot rules cost no Python call per dot; every alternative starts with a literal
# character, so the engine skips the text between punctuation quickly.
_SENT_PUNCT = re.compile(r"[!?。！？؟\n.][!?。！？؟\n.]*")  # not "[…]+": a leading class lets the engine skip
_SENT_END = re.compile(
    "|".join(f"{re.escape(c)}[!?。！？؟\\n.]*" for c in "!?。！？؟\n")
    + r"|\.(?:\.*[!?。！？؟\n][!?。！？؟\n.]*|(?<!\.\.)(?<!\besp\.)(?<!\bincl\.)(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)\.*(?!\S))"
)


def _sentence_starts(low: str) -> list[int]:
    if "." not in low:  # the common case: every run of ! ? and newlines ends a sentence
        return [0, *map(_match_end, _SENT_PUNCT.finditer(low))]
    return [0, *map(_match_end, _SENT_END.finditer(low))]


_match_end = re.Match.end


_NEG = (
    r"(?:lost|lose|losing|broke|broken|breaks|breaking|outage|(?:went|was|were|is|are|been|goes|going) down|down for|crash\w*|fail\w*|deleted|wiped|corrupt\w*|"
    r"wasted|waste|blew up|blown up|nightmare|mess|rollback|rolled back|incident|disaster|downtime|paged|woke|"
    # (what could not be reached: "the handhelds couldn't reach the sandbox for an hour")
    r"could(?:n'?t| not) (?:reach|connect|log ?in|access|load)|unreachable|"
    # (an hour of the night: "paged at 3am" — not "filing from Citywest since 9am")
    r"(?<!since )(?<!from )(?<!by )(?<!before )\d+ ?am|on fire|doesn'?t work|stopped working|nothing works|gone|ruined|killed|unusable|unreadable|"
    r"(?:fired|ran|run|sent|charged|billed|triggered|posted|emailed|paged|processed|deployed|executed|called|counted) twice|"
    r"double[- ](?:charged|billed|sent|posted|counted|booked)|duplicat\w*|rebuild\w*|redo\w*|regress\w*|"
    r"leak\w*|stuck|delayed|missed|(?:was|went|were|is|stayed) (?:blank|empty)|stale|rebooted|during the (?:demo|presentation|board meeting|all-hands)|"
    r"(?:assigned|booked|scheduled|sent) to two \w+ at once|"
    r"(?:(?:hit|success|conversion|open|click|retention) rate|conversions|revenue|traffic|uptime|signups|sales|coverage|"
    r"throughput)s? (?:dropped|fell|tanked|plummeted|halved|dipped|went down)|"
    r"(?:latency|errors?|error rate|costs?|bill|p\d\d|memory|cpu|load|complaints|tickets|alerts) "
    r"(?:spiked|doubled|tripled|went up|jumped|increased|exploded|shot up))"
)
_NOW_NEG = re.compile(rf"\bnow\b[^.!?\n]{{0,80}}?\b{_NEG}\b")
# A causal "thanks to" also blames for what went wrong or cost time ("…the accruals were off by $80k",
# "we spent most of Friday on rollbacks"), unless it was averted.
_HAS_NEG = re.compile(
    rf"\b(?:{_NEG}|wrong|off by|rollbacks|full of (?:errors|bugs|garbage|junk|nulls|#n/a|#ref)|spent (?:all|most|half|the whole|the entire) (?:of )?(?:the |my |our )?"
    r"(?:day|morning|afternoon|evening|night|weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)

# "both (of you)" in the supported languages: "Bedankt allebei, <@A> <@B>", "danke euch beiden",
# "gracias a los dos", "thank you both".
_BOTH_WORDS = (
    "both|you both|both of you|you two|the two of you|allebei|alle twee|jullie allebei|beiden|euch beiden|ihnen beiden|"
    "beide|ambos|ambas|a los dos|a las dos|les deux|tous les deux|à vous deux|a vous deux|entrambi|tutti e due|"
    "a tutti e due|a entrambi|båda|er båda|obojgu|obu|wam obu|ikinize de|ikinize|ikiniz de|обоим|вам обоим|обом|вам обом|"
    "και στους δύο|στους δυο|kalian berdua|cả hai|cả hai bạn|לשניכם|לשניכן|לשתיכן|לשניהם|לשתיהן|لكما|لكلاكما|"
    "दोनों|दोनों को|你们俩|お二人|두 분|"
    # "ありがとう、二人とも！", "谢谢你们两位", "둘 다 고마워요", "dzięki wam obojgu", "terima kasih kalian berdua"
    "二人とも|お二人とも|ふたりとも|两位|兩位|你们两个|你們兩個|둘 다|두 분 다|wam obojgu|ambos dos|both of y'all|"
    # Norwegian and Danish: "Tusen takk begge to!", "tak til jer begge"
    "begge to|begge|jer begge|dere begge|"
    # German and Swiss German "merci ihr zwei!", "danke euch zwei"
    "ihr zwei|ihr beide|euch zwei|eu zwei|eu beide|"
    # Vietnamese "Cảm ơn 2 chị đã hy sinh máy cũ cho QA" (the two of you)
    "2 chị|hai chị|2 anh|hai anh|2 bạn|hai bạn|2 em|hai em"
)
# Words that may sit between a cue and its mentions: intensifiers, "to", "you", honorifics.
_FILL_WORDS = (
    r"so|very|much|a lot|a ton|a bunch|a million|lots|loads|heaps|tons|again|too|as well|also|both|really|soo+|sm|"
    r"to|you|u|ya|yo|you both|both of you|bro|man|mate|dude|buddy|pal|friend|sir|once again|for real|"
    # "you" said to several, before the people: "Danke euch, <@A> <@B>!", "dank jullie, <@A> en <@B>"
    r"euch|ihnen|jullie|voi|vosotros|ustedes|vocês|voces|wam|вам|"
    # "again" in the other languages: "gracias de nuevo <@A> por la traducción", "danke nochmal <@A>"
    r"de nuevo|otra vez|de novo|outra vez|encore|nochmal|noch einmal|nochmals|ancora|opnieuw|nogmaals|igen|"
    r"jeszcze raz|tekrar|ещё раз|еще раз|ще раз|lagi|"
    # "too" in the other languages: "e grazie anche <@B> per le alternative", "merci aussi à <@B>"
    r"anche|también|aussi|auch|ook|também|też|juga|tambien|"
    r"muchas|mil|beaucoup|bcp|infiniment|à|a|schön|sehr|vielmals|vöumou|viumau|viu mau|vilmal|dir|mille|tante|muito|muita|wel|så mycket|bardzo|wielkie|"
    r"çok|большое|огромное|очень|πολύ|πολυ|rất nhiều|nhiều|nhé|nha|banyak|bahut|ji|جزيلا|רבה|de|"
    # "te lo agradezco muchísimo <@A>", "grazie davvero", "um obrigado especial pro <@A>", "sağ ol hocam"
    r"muchísimo|muchisimo|mucho|moltissimo|tantissimo|muitíssimo|muitissimo|infinitamente|de verdad|davvero|vraiment|"
    r"wirklich|echt|naprawdę|gerçekten|especial|special|speciale|spécial|pro|pra|demais|"
    r"hocam|abi|abla|kanka|amigo|amiga|hermano|irmão|bhai|anh|chị|em|kak|pak|khusus|sanget|enough|yaar|yar|kuya|ate|po|"
    # "to" in the listed languages: "Dank an <@A>", "bedankt aan", "tack till", "dla", "kepada", "ao", "al"
    r"an|aan|naar|till|til|dla|do|stary|stara|mordo|kepada|ao|aos|al|ai|alla|às|kay|kina|στον|στην|στη|στους|στις|σε|"
    # the Greek article before a name, and "also": "Ευχαριστώ και την <@A> που με βοήθησε"
    r"τον|την|τη|τους|τις|και|"
    # the Portuguese article before a name: "queria agradecer o <@A> e a <@B>"
    r"o|os|"
    # "huge" after a Hebrew thanks: "תודה ענקית ל<@A>"
    r"ענקית|ענק|"
    # "thanks mostly to <@A> and <@B>" (the credit is theirs)
    r"mostly|largely|mainly|entirely|partly|"
    # Greeklish "very" ("efxaristw poly <@A>"), "huge" after a Portuguese thanks ("um obrigado enorme ao <@A>"), and
    # "publicly" / "in particular" before the person ("Ringrazio pubblicamente <@A>", "agradecer en particular a <@A>")
    r"πάρα|παρα|poly|poli|polu|enorme|enormes|gigante|imenso|imensa|publicly|públicamente|publicamente|pubblicamente|"
    r"publiquement|in particolare|in particular|en particular|em particular|"
    # "Je voulais remercier officiellement <@A> et <@B>", "ringrazio ufficialmente <@A>"
    r"officially|formally|officiellement|sincèrement|chaleureusement|personnellement|ufficialmente|oficialmente|"
    r"offiziell|θερμά|θερμα|"
    # Arabic in Latin letters, "very" and "to": "shukran gedan le <@A>", "merci awi ya <@A>"
    r"gedan|geddan|awi|awy|le|li|lel|"
    # Indian English vocatives from Tamil, Kannada and Telugu: "thanks da <@A>", "thanks machan <@A>"
    r"da|machan|macha|anna|akka|"
    # Cebuano "I just" and the person marker: "Pasalamat lang ko ni <@A> kay gi-review niya akong test cases"
    r"lang|ko|nako|ni|" + _BOTH_WORDS
)
_FILL = rf"(?:[\s,:;!\-–—~.…、，{TYE}{EMO}{_UEMOJI}]|\b{_alternation(_FILL_WORDS)}\b|さん|様|さま|くん|君|ちゃん|先生|님|씨|쌤|兄|老师|जी|ครับ|ค่ะ|คะ|นะ|มาก|พี่|น้อง|คุณ|คร้าบ|ค่า+|จ้า+|ל-?(?=[{M[1:-1]}])|للزميل|للزميلة|भाई|दीदी|का|को|बहुत)"
# "and" in every supported language that writes it as a word (English, German, Spanish, French,
# Portuguese/Italian, Dutch, Swedish, Polish, Turkish, Russian, Vietnamese, Indonesian, Greek); one table
# for every rule that joins people or reasons, so no language gets only half of them.
# "and" (Norwegian/Danish og, Finnish/Estonian ja, Hungarian és, Lithuanian ir, Polish oraz,
# Ukrainian та/і/й, Tagalog at, Cebuano ug, Yoruba àti, Igbo/Swahili na, Hausa da, Albanian dhe, Basque eta, Québécois pis)
_AND = "and|und|y|et|e|en|och|i|ve|и|và|với|dan|και|aur|și|şi|og|ja|és|ir|oraz|та|і|й|at|ug|ati|àti|na|da|dhe|eta|pis"
# The same for the scripts that attach it without spaces: Chinese, Japanese, Korean, Hindi, Arabic, Hebrew, Thai.
_AND_NOSPACE = "和|と|및|और|و|ול-?|ו-?|และ"  # (Hebrew joins "and to" to the name: "ול-<@B>")
_JOIN = rf"{_AND}|or|as well as|plus|along with"
# …and Czech, Slovak and Polish "a", which is "and" only right before the next person: "Díky <@A>, <@B> a <@C>",
# "…za úpravu manifestů a <@B> za web player" (elsewhere it is the Spanish, Italian and Portuguese "to")
_JOIN_PEOPLE = rf"{_JOIN}|a"
# What may follow "and" before the next person: "and to <@B>", "and also", "y a", "et à", "und an", "e ao"…
_AND_LINK = (
    "to|also|too|of course|especially|a|ad|à|an|aan|naar|ke|buat|till|til|dla|kepada|ao|aos|al|ai|alla|às|pra|pro|para|auch|también|aussi|ook|"
    "också|też|juga|também|anche|"
    # Greek "στον <@A> και στον <@B>", "την <@A> και τον <@B>"
    "στον|στην|στη|τον|την|τη|"
    # Tagalog and Cebuano mark a person: "Salamat kay <@A> sa review ug kay <@B> sa pagtudlo"
    "kay|kina|kang"
)
# Up to two of them, before the next person ("and also to <@B>", "e anche a <@B>", "y también a <@B>") or ending a
# text that the next person follows ("…, and also to")
_LINKS_BEFORE = rf"(?:(?:{_AND_LINK})\s+){{0,2}}"
_LINKS_AFTER = rf"(?:\s+(?:{_AND_LINK})){{0,2}}"
# Between two people of a list: a comma/&/+ (optionally with "and"), "and" alone, an "and" in brackets
# ("<@A> (and <@B> for reviewing)", "<@A> (y <@B>)"), or plain space.
# The honorific said before a name in Vietnamese, Thai and Tagalog: "cảm ơn anh <@A> với chị <@B>", "พี่<@A>", "kuya <@A>".
_HONORIFIC_BEFORE = "anh|chị|em|cô|chú|bạn|พี่|น้อง|คุณ|kuya|ate"
_SEP = (
    rf"(?:\s*[,&+/、，،(（]\s*(?:(?:{_JOIN})\s+)?{_LINKS_BEFORE}|\s+(?:{_JOIN_PEOPLE})\s+{_LINKS_BEFORE}"
    rf"|\s*(?:{_AND_NOSPACE})\s*|\s+)(?:(?:{_HONORIFIC_BEFORE})\s*)?"
)
# A list's names may carry an honorific each, after a space or not: "<@A>さんと<@B>さん", "<@A>님, <@B>님",
# "<@A> さん <@B> さん ありがとう".
# (and romanised after a space: "Thank you <@A> san and <@B> san")
_HONORIFIC = "|".join(
    (*_HONORIFICS_JA, *_HONORIFICS_KO, "兄", "老师", "जी", "san\\b", "sama\\b", "kun\\b", "chan\\b", "sensei\\b")
)
# …and a short role in brackets: "<@A> (creatives), <@B> (influencer deals) and <@C>".
_ROLE = rf"(?:\s*\([^()\n{M[1:-1]}]{{1,60}}\))?"
_MLIST = rf"{M}(?:(?:\s*(?:{_HONORIFIC}))?{_SEP}{M}){{0,49}}"
# Only the list right after a thanks carries roles: the other rules that read lists run far more often.
_MLIST_ROLES = rf"{M}(?:(?:\s*(?:{_HONORIFIC}))?{_ROLE}{_SEP}{M}){{0,49}}"
_GROUPW = (
    rf"{GROUP}|\b(?:everyone|everybody|all|y'?all|you all|team|folks|guys|people|gang|crew|fam|todos|tout le monde|"
    r"tous|alle|allen|allemaal|tutti|iedereen|alla|wszystkim|herkese|всем|tothom)\b|大家|皆さん|みなさん|여러분|सभी|الجميع|לכולם|mọi người|"
    r"semua|όλους|ทุกคน"
)
# "for" (the reason follows): the languages above (Catalan "pel", for the), plus Indonesian "atas"/"untuk"/"buat", Vietnamese "vì", Romanian "pentru", Tagalog and Cebuano "sa" ("salamat <@A> <@B> sa patience").
_FOR_WORDS = (
    "for|por|pour|fürs|für|fur|pelos?|pelas?|per|pels?|voor|för|za|за|για|على|על|on|atas|untuk|buat|vì|pentru|sa"
)
_FOR = rf"(?:{_FOR_WORDS})"
# A reason runs to its sentence's end; a dot inside a number or a name ("5.14", "acme.io") does not end it.
_REASON_TEXT = rf"(?:[^\n.!?{M[1:-1]}]|\.(?=\w)){{0,300}}"
_RIGHT = re.compile(
    # (a group word may lead the people it names: "thank you all, <@A> <@B>!", "Danke euch allen <@A> <@B>")
    rf"(?P<f1>{_FILL}*)(?:(?P<grp>{_GROUPW})(?:(?<!{GROUP})[\s,:]*(?={M}))?)?(?P<pre>{_MLIST_ROLES})?(?P<f2>{_FILL}*)"
    # (Thai "for" runs on from the thanks without a space: "ขอบคุณสำหรับ feedback นะคะ <@A>")
    rf"(?:(?:\b{_FOR}\b|สำหรับ)\s*(?P<reason>{_REASON_TEXT})(?P<post>{_MLIST})?)?"
)
# After a list: what makes its last mention the start of a new clause ("…, <@B> can you merge").
# Not a new clause: a reason ("for", "voor", "atas"…), "and", fillers.
# A relative pronoun or past marker after a person says what they did, not a new clause: "Cảm ơn <@A> <@B> đã thức cả
# đêm", "terima kasih <@A> <@B> yang sudah…", "dzięki <@A>, <@B>, którzy zostali…", "спасибо <@A>, <@B>, которые…".
_RELATIVE_WORDS = "đã|vì đã|yang|którzy|która|który|które|którym|который|которая|которые|που"
_RELATIVE_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:who|whose|which|qui|que|quien|quienes|cuyo|cuya|cujo|cuja|dont|die|der|deren|dessen|che|som|que|"
    r"która|który|którzy|ki|который|которая|которые|που|yang|đã|nga)\b"
)
# A congratulation to one person right before a bare thanks (see detect_thanks)
_CONGRATS_BEFORE = re.compile(
    rf"\b(?:congrats|congratulations|felicidades|félicitations|parabéns|glückwunsch|gratulacje|tebrikler|поздравляю)\b"
    rf"[^.!?\n{M[1:-1]}]{{0,40}}?(?P<m>{M})[\s!.,{EMO}{TYE}{_UEMOJI}]*(?:(?:and|&|also|honestly|separately|seriously)[,\s]+)*$"
)
# A message opening with people named side by side, nothing joining them: "<@A> <@B> visita confirmada…"
_MENTIONS_ONLY = re.compile(rf"\s*{M}(?:[\s,]*{M})+[\s,:]+[^\W\d_{M[1:-1]}]")
# A thanks saying what for after "both": "Obrigada aos dois por abrirem espaço na agenda"
_FOR_AFTER = re.compile(rf"[^\n.!?{M[1:-1]}]{{0,30}}?\b(?:{_FOR_WORDS})\b")
# One person's work, then "and" the next person's (or the next person doing something): "<@A>'s live walkthrough and
# <@B>'s CSV template", "<@A>'s packaging redesign and <@B> getting the pallet samples out"
_POSSESSIVE_NEXT = re.compile(
    rf"['’]s(?: [^\W\d_][\w/-]*){{1,4}},? (?:and|&|plus) (?P<m>{M})(?=['’]s |\s+[^\W\d_]+ing\b)"
)
# A relative clause, then "and" the next person with a clause or a reason of their own (see _targets).
_RELATIVE_NEXT = re.compile(
    rf"{_RELATIVE_AFTER.pattern}[^\n.!?{M[1:-1]}]{{1,200}}?,?\s+(?:{_JOIN})\s+(?:(?:{_AND_LINK}|στον|στην|στη|στους)\s+)?"
    rf"(?P<m>{M})(?={_RELATIVE_AFTER.pattern}|\s*(?:,\s*)?(?:{_FOR_WORDS})\b)"
)
_CLAUSE_AFTER = re.compile(
    rf"\s*[¿¡]?(?!(?:{_FOR_WORDS}|{_AND}|too|again|both|who|as well|so|very|thanks?|thank you|ty|thx|with|y'all|&|"
    # (nor a laugh closing the message: "obrigado por segurar essa <@A> kkkk", "thanks for covering <@A> lol")
    rf"{_RELATIVE_WORDS}|(?:lol|lmao|haha\w*|k{{3,}}|jaja\w*|hehe\w*|rs(?:rs)+|wk(?:wk)+)\s*$)\b)[^\W\d_]"
)
# A gerund right after a list without commas says what they all did ("appreciate you both <@A> <@B> stepping in").
_GERUND_AFTER = re.compile(r"\s*[^\W\d_]+ing\b")
# A mention right after these words is the object of the reason ("for introducing me to <@B>").
_PREPOSITIONS = frozenset(
    [
        "to",
        "with",
        "from",
        "by",
        "of",
        "about",
        "at",
        "in",
        "on",
        "and",
        "or",
        "than",
        "like",
        "cc",
        "ask",
        "ping",
        "tell",
        "told",
        "page",
        "paging",
        "introduce",
        "introducing",
        "introduced",
        "connecting",
        "connect",
        "meet",
        "via",
        "a",
        "an",
        "the",
        "para",
        "à",
        "avec",
        "mit",
        "con",
        "com",
        # "obrigado pela indicação do <@B>", "gracias por presentarme al <@B>", "merci pour l'intro du <@B>",
        # "danke für die Vorstellung von <@B>", "grazie per avermi presentato al <@B>": B is the object.
        "de",
        "do",
        "da",
        "dos",
        "das",
        "del",
        "des",
        "du",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "di",
        "della",
        "dello",
        "al",
        "alla",
        "ao",
        # (the article after one: "valeu <@A> por me colocar em contato com o <@B>")
        "o",
        "os",
        "el",
        "la",
        "los",
        "las",
        "van",
        "aan",
        "med",
        "av",
        "till",
        "til",
        "z",
        "ze",
        "od",
        "ile",
        "с",
        "со",
        "от",
        "к",
        "με",
        "από",
        "dengan",
        "dari",
        "ke",
        "với",
        "presentar",
        "presentarme",
        "apresentar",
        "indicação",
        "indicacao",
        "presentazione",
        "présenter",
        "vorstellen",
    ]
)
_GROUP_WORDS = frozenset(
    [
        "everyone",
        "everybody",
        "all",
        "yall",
        "team",
        "folks",
        "guys",
        "people",
        "gang",
        "crew",
        "fam",
        "todos",
        "monde",
        "tous",
        "alle",
        "allen",
        "tutti",
        "iedereen",
        "alla",
        "wszystkim",
        "allemaal",
        "herkese",
        "всем",
        "semua",
        "όλους",
    ]
)
_WORDS_RE = re.compile(r"[^\W\d_]+")


def _last_word(s: str) -> str:
    """The last word of the last 60 characters: the first word of them read backwards, so the engine stops
    at it instead of collecting every word."""
    word = _WORDS_RE.search(s[-60:][::-1])
    return word.group()[::-1] if word else ""


def _ends_with_preposition(s: str) -> bool:
    return _last_word(s) in _PREPOSITIONS


def _ends_with_group(s: str) -> bool:
    """ "thanks for joining, everyone": the reason ends by naming a group."""
    tail = s[-12:]
    return (
        GROUP in tail
        or (not tail.isascii() and any(w in tail for w in _GROUP_NOSPACE))
        or _last_word(s) in _GROUP_WORDS
    )


_GROUP_NOSPACE = ("大家", "皆さん", "みなさん", "여러분", "सभी", "الجميع", "לכולם", "mọi người", "ทุกคน")
# Between "especially" and its people: "to", "for" or "is" ("đặc biệt là <@A>", "khususnya untuk <@A>", "vor allem
# für <@A>", "özellikle <@A> için" is after; Greek "ιδιαίτερα τον <@A>", especially the), in the supported languages.
_ESP_LINK = "to|for|a|à|an|ao|aos|al|aan|till|til|dla|kepada|untuk|là|cho|für|pour|para|per|voor|för|τον|την|τη|το|στον|στην|στη|στο"
# …said after the people: "<@A> in particular", "<@A> und <@B> besonders"
_ESPECIALLY_AFTER = (
    "in particular|especially|above all|besonders|ganz besonders|vor allem|insbesondere|en particulier|in particolare"
)
_ESPECIALLY = re.compile(
    rf"(?:\b(?:{_ESPECIALLY_WORDS})\b|{_ESPECIALLY_NOSPACE})"
    rf"[\s.,:]*(?:(?:{_ESP_LINK})\s+)?(?P<a>{_MLIST})|(?P<b>{_MLIST})\s*(?:,\s*)?(?:{_ESPECIALLY_AFTER})\b"
)
_ESPECIALLY_NEXT = re.compile(
    rf"[\s.!?]*(?:(?:\b(?:{_ESPECIALLY_WORDS})\b|{_ESPECIALLY_NOSPACE})"
    rf"[\s.,:]*(?:(?:{_ESP_LINK})\s+)?(?P<a>{_MLIST})|(?P<b>{_MLIST})\s*(?:,\s*)?(?:{_ESPECIALLY_AFTER})\b)"
)
# (or a dash: "Credit goes to the JP translation team — <@A>, <@B>, <@C> — and to <@D> for the MT work")
_KUDOS_COLON = re.compile(rf"[^:\n.!?—–{M[1:-1]}]{{0,40}}(?::|\s[—–])\s*(?P<m>{_MLIST})")
# A thanks to people described, then listed after a colon: "thank you to the people who keep this running: <@A>, <@B>",
# "Thanks everyone who jumped in — <@A> <@B> <@C> — and <@D> for…" (everyone who did something: a colon or a dash)
_THANKS_TO_COLON = re.compile(
    rf" (?:(?:to|a|à|an|aan|para|pra|dla|till|til|ao|aos|al|kepada) [^:\n.!?{M[1:-1]}]{{0,80}}:"
    rf"|(?:(?:to|a|à|an|aan) )?(?:everyone|everybody|all|all of you|folks|todos|todas|tutti|tous|alle|allen|iedereen|alla)"
    rf" (?:who|that|que|qui|che|die|som)\b[^:\n.!?—–{M[1:-1]}]{{0,80}}(?::|\s[—–-]))\s*(?P<m>{_MLIST})"
)
# …and its list going on past someone who is not a mention: "<@A>, <@B> and everyone in QA, and <@C> and <@D>"
_LIST_MORE = re.compile(rf"[^\n.!?,:{M[1:-1]}]{{0,40}},\s*(?:(?:{_JOIN})\s+)?{_LINKS_BEFORE}(?P<m>{_MLIST})")
_LIST_ENDS_WITH_AND = re.compile(rf"(?:\b(?:{_JOIN})|&|{_AND_NOSPACE}){_LINKS_AFTER}\s*\S$")
# "for the design and <@B> for the tests", "for running it and to <@B> for taking notes", "en aan <@B>"
_REASON_ENDS_WITH_AND = re.compile(rf"(?:\b(?:{_JOIN_PEOPLE})|&){_LINKS_AFTER}\s*$")
# (", to <@B> for…", ", à <@B> pour…": a list of people each with a reason, joined by commas)
_REASON_ENDS_WITH_AND_OR_COMMA = re.compile(
    rf"(?:,\s*)?(?:\b(?:{_JOIN})|&){_LINKS_AFTER}\s*$|,\s*(?:(?:to|à|a|ad|al|ao|an|aan|till|dla|pra|pro)\s*)?$"
    # (Greek names its people with an article: "Ευχαριστώ την <@A> για το review, τον <@B> για τα access, και τη <@C>…")
    rf"|(?:,\s*|\s)(?:και\s+)?σ?(?:τον|την|τη)\s*$"
)
# The next "for <reason> <@B>" of a list where each person has a reason.
_NEXT_REASON = re.compile(rf"\s*{_FOR}\b\s*(?P<reason>{_REASON_TEXT})(?P<post>{_MLIST})?")
_AND_TAIL_WORDS = frozenset({"&", *_JOIN.split("|"), *_AND_LINK.split("|"), "as", "with", "course"})
_FOR_OR_TOO = re.compile(rf"\s*(?:{_FOR_WORDS}|too)\b")
_COMMA = re.compile(r"\s*,\s*")
_TO = re.compile(r"\s*to\b")
# A causal "thanks to" someone's work: "thanks to the review from <@A>", "thanks to the runbook by <@A> and <@B>"
_WORK_OF = re.compile(rf"(?:the|a|an|his|her|their) [^\n.!?,;:()]{{1,40}}? (?:by|from) (?P<m>{M}(?: and {M})?)")
_VOCATIVE = re.compile(
    # not "[\s\W]*": a mention is a non-word character too, and the list must keep its first person
    # (three opening words at most: "also lol <@A> …", "both great points <@A>, fixed!")
    rf"[^\w{M[1:-1]}]*(?:(?:hey|hi|hello|yo|ok|okay|oh|also|and|btw|so|dear|lol|haha|omg|wow|hola|salut|hallo|hej|cześć|merhaba|привет|hai|"
    rf"olá|ciao|anyway|anyways|update|well|finally|welp|alright|show|wena|nice|great|perfect|awesome|perfecto|genial|eh|"
    rf"yep|yes|yeah|yup|aww|awww|phew|ah|ahh|fair|true|noted|cool|sweet|gotcha|"
    # praise of what the person said: "good catches <@A>, updated. thx", "great points <@A>, fixed! thank you"
    rf"good|catch|catches|point|points|call|find|finds|both|"
    # …and the same praise in Turkish: "Mükemmel <@A>, tam istediğim gibi, eline sağlık"
    rf"mükemmel|harika|süper|muhteşem|"
    # "especially <@A>…": "特に <@A> さん、…ありがとうございました", "sobre todo <@A>"
    rf"especially|especialmente|sobre todo|surtout|besonders|vor allem|in particolare|soprattutto|zwłaszcza|"
    rf"особенно|özellikle|khususnya|terutama|特に|{_HONORIFIC_BEFORE})\b[\s,!:—–-]*){{0,3}}(?P<m>{_MLIST})(?![\s,:]*(?:is|are|was|were|will|has|have|had|'s|'re|'ve|'ll|said|says|"
    rf"told|wrote|mentioned|asked|isn't|aren't|can't(?! thank| ?$)|won't|did|does|and i|owns?|owes?|"
    # the same talk of the person, not to them, elsewhere: "<@A> hat gefragt…", "<@A> dijo que…", "<@A> zei dat…"
    rf"hat|hatte|heeft|sagt|sagte|fragt|fragte|meinte|zegt|zei|vroeg|dijo|preguntó|disse|perguntou|a dit|a demandé|"
    rf"ha detto|ha chiesto)\b"
    # nor a list cut short before its "and <@B>": "<@A> and also <@B> are out" names both as subjects
    rf"|[\s,]*(?:{_JOIN}|&)\s+{_LINKS_BEFORE}{M})"
)
_SUCCESS_WORDS = (
    r"work(?:s|ed|ing)|fix(?:ed|es)|solved|resolved|did it|did the trick|helped|helpful|perfect|awesome|amazing|"
    r"great|brilliant|exactly|makes sense|got it|clicked|unblocked|saved|figured|nice|excellent|legend|clear|sorted|"
    # the same "great" in the other languages: "<@A> süper, bu bize 1 hafta kazandırır. teşekkürler"
    r"süper|harika|mükemmel|inanılmaz|efsane|müthiş|mantap|keren|świetnie|swietnie|genial|perfekt|geweldig|fantastisch|génial|parfait|perfeito|"
    r"perfecto|ótimo|otimo|perfetto|ottimo|buen[íi]simo|era eso|eso era|that was it|all back|back to normal|"
    # done, in Dutch and German: "goeie punten, allebei verwerkt. dank jullie", "eingebaut, danke!"
    r"verwerkt|aangepast|opgelost|gelukt|erledigt|eingebaut|behoben|geklappt|"
    # Turkish "it worked": "<@A> vay, işe yaradı! … Sağ olasın"
    r"i[şs]e yarad[ıi]|[çc]al[ıi][şs]t[ıi]|d[üu]zeldi|d[üu]zelmi[şs]|"
    r"no restarts|geldi|sind raus|merge brici|merge perfect|func[tț]ioneaz[aă]|ging (?:ja )?schnell|membantu|how you did it|hayat kurtard[ıi]n|"
    r"nailed it|spot on|all good|people clapped|everyone clapped|got applause|deal(?= ?!)|"
    # "the hero we need 🙌", "lifesaver :pray:"
    r"hero(?! (?:image|banner|section|shot|unit|card|text|video))|heroes|lifesaver|life saver|saviou?r|mvp|goat|"
    # "<@A> fix confirmed, fill rate is back", "<@A> yep, it's back", romanised Hindi "ho gaya! … tum best ho"
    r"fix confirmed|confirmed fixed|confirmed working|(?:it'?s|it is|is|are) back(?: up| online| to normal)?"
    r"(?! (?:tomorrow|on|in|next|from|at|after|monday|tuesday|wednesday|thursday|friday)\b)|ho gaya|best ho|"
    r"stopped (?:leaking|crashing|failing|flapping|dropping|jamming|freezing|hanging|timing out)|no longer (?:crashes|fails|happens)|"
    # praise for the person addressed: "<@A> that session was a masterclass… thank you", "<@A> your model won
    # us Northwind. thank you", "couldn't have asked for a better partner", "you were right from the start"
    # (not "won't", "gold tier", "kind of slow", "a crack in the floor"). Each phrase opens with a literal word
    # so the trie indexes it: a phrase opening with a group would be tried at every position.
    r"nailed|masterclass|learned a (?:ton|lot)|learnt a (?:ton|lot)|learned so much|won us|won (?:it|them over)|"
    r"is gold|was gold|are gold|pure gold|above and beyond|asked for a better|so kind|very kind|too kind|really kind|"
    r"super kind|kind of you|teared up|tearing up|in tears|made my (?:day|week|year)|so touched|"
    r"generous|incredible|fantastic|superb|stellar|outstanding|impressive|wonderful|clutch|you were right|"
    r"gorgeous|stunning|beautiful|lovely|delicious|"
    r"un crack|craque|arrasou|mandou bem|au top|spitze|grandissimo|sei un grande|toppie|mistrz|süpersin|"
    r"harikasın|молодец|круто|keren|tuyệt vời|"
    # The same report of success or praise in the other supported languages: German, Spanish, Portuguese,
    # French, Italian, Dutch, Swedish, Polish, Turkish, Russian, Indonesian, Vietnamese, Greek.
    r"klappt|geklappt|funktioniert|perfekte?|funciona|funcionó|funcionou|funcionando|perfect[oa]s?|perfeit[oa]s?|resuelto|"
    r"resolvido|resolveu|deu certo|tá ok|ta ok|está ok|ok agora|ótimo|genial|marche|fonctionne|génial|résolu|funziona|funzionato|"
    r"perfett[oaie]|parfaite?s?|risolto|fantastic[oa]|bellissim[oaie]|werkt|gelukt|opgelost|fungerar|funkar|działa|zadziałało|"
    r"świetnie|idealnie|çalıştı|çalışıyor|hallettim|halloldu|çözüldü|harika|mükemmel|работает|сработало|"
    r"поправил[аи]?|исправил[аи]?|это было оно|вот оно|це було воно|ось воно|заработало|получилось|отлично|идеально|ідеально|чудово|відмінно|працює|спрацювало|вийшло|berhasil|beres|mantap|được rồi|xong rồi|δουλεύει|λειτουργεί|τέλεια|τέλειο|"
    # Help that was quick: "<@A> cepat sekali! arigatou", "<@A> that was fast, thanks", "<@A> qué rápido. ¡Gracias!"
    r"so fast|so quick|super fast|super quick|that was fast|that was quick|lightning fast|blazing fast|quick work|speedy|"
    r"qué rápido|que rápido|que rapido|rapidísimo|rapidisimo|rapidinho|trop rapide|super rapide|so schnell|superschnell|"
    r"blitzschnell|velocissim[oa]|che velocità|supersnel|wat snel|vad snabbt|supersnabbt|ale szybko|błyskawicznie|"
    r"ekspresowo|çok hızlı|ne hızlı|как быстро|молниеносно|cepat sekali|cepat banget|cepet banget|gercep|nhanh quá|"
    r"nhanh thế|nhanh vậy|τόσο γρήγορα|"
    # An explanation understood: "<@A> aha! thanks", "<@A> entendi. obrigado!", "<@A> ah, jetzt verstanden. Danke" —
    # not "não entendi", "nie rozumiem", "tidak paham"
    r"aha|i see now|now i see|now i get it|that explains it|ah i see|ahh i see|entendido|ya entiendo|ahora entiendo|"
    r"entendi(?<!não entendi)(?<!nao entendi)|j'ai compris|c'est compris|ok compris|verstanden(?<!nicht verstanden)|"
    r"kapiert(?<!nicht kapiert)|ho capito|ok capito|begrepen(?<!niet begrepen)|nu förstår jag|rozumiem(?<!nie rozumiem)|"
    r"anladım|понял(?<!не понял)|поняла(?<!не поняла)|понятно(?<!не понятно)|"
    r"paham(?<!tidak paham)(?<!nggak paham)(?<!gak paham)(?<!belum paham)(?<!kurang paham)|"
    r"ngerti(?<!nggak ngerti)(?<!gak ngerti)(?<!ga ngerti)(?<!belum ngerti)|hiểu rồi|κατάλαβα(?<!δεν κατάλαβα)|"
    r"samajh (?:gaya|gayi|aa gaya)|"
    # Something managed thanks to the person: "<@A> consegui rodar o profiler graças ao teu guia. obrigado!",
    # "<@A> sayesinde araç 2 saatte çıktı. Çok teşekkürler", "grâce à toi", "dankzij jou", "berkat bantuanmu"
    # (not "não consegui", "no logré", "nicht geschafft", "nie udało się", "не удалось"; English "managed to" is as
    # often said of a mishap: "<@A> managed to break staging again lol. thanks")
    r"consegui(?<!não consegui)(?<!nao consegui)|conseguí(?<!no conseguí)|logré(?<!no logré)|j'ai réussi|"
    r"ce l'ho fatta(?<!non ce l'ho fatta)|geschafft(?<!nicht geschafft)|lyckades(?<!inte lyckades)(?! inte)|"
    r"udało(?<!nie udało) (?:mi )?się|başardım|удалось(?<!не удалось)|akhirnya bisa|"
    r"graças (?:a|ao|à|aos|às)|grâce (?:à|au|aux)|dankzij|tack vare|sayesinde|sayende|"
    r"благодаря|berkat|nhờ có|χάρη σε"
)
# …and in the scripts written without spaces: Chinese, Japanese, Korean, Hindi, Arabic, Hebrew, Thai.
_SUCCESS_NOSPACE = (
    "好了|成功|解决了|解決了|完美|できました|解決しました|完璧|됐어요|됐습니다|해결|성공|हो गया|काम कर गया|نجح|اشتغل|ممتاز|"
    "עובד|מעולה|מושלם|ได้แล้ว|สำเร็จ|เรียบร้อย|재현 안|재현되지 않|고쳤|고쳐 주|살았어요|不再复现|再現しません|再現しなくなりました|"
    # praise: "<@A> 好吃！谢谢你的甜点", "すごい", "최고"
    "好吃|好喝|太棒|真棒|厉害|厲害|美味しい|おいしい|すごい|最高|맛있|최고|대박"
)

# …quick help and an explanation understood: "<@A> 빠르다! thank you", "<@A> 아하! 감사해요", "なるほど、ありがとう"
_SUCCESS_NOSPACE += (
    "|学到了|學到了|有道理|빠르다|빠르네|빠르시네|빨라요|아하|이해했|이해됐|알겠어요|알겠습니다|なるほど|わかりました|分かりました|早っ|速っ|はやっ|"
    "好快|真快|这么快|這麼快|明白了|懂了|समझ गया|समझ गई|فهمت|הבנתי|เข้าใจแล้ว"
)
# Something received, made better, understood or thanked for as always, in the languages that say it in words:
# "<@A> my equipment arrived! … thank you", "<@A> the new mix is so much better, thanks", "<@A> oke, jelas sekarang.
# makasih", "<@A> very useful, ty", "thanks as always" — not "hasn't arrived", "tidak jelas".
_SUCCESS_WORDS += (
    r"|arrived(?<!n't arrived)(?<!not arrived)(?<!never arrived)(?<!yet arrived)(?=\s*(?:[!.,…:]|$))|"
    r"so much better|much better now|way better|improved a lot|useful(?<!not useful)(?<!n't useful)|handy|as always|"
    r"llegó(?<!no llegó)|llegaron(?<!no llegaron)|chegou(?<!não chegou)|chegaram(?<!não chegaram)|"
    r"angekommen(?<!nicht angekommen)|est arrivée?|bien reçu|arrivato|arrivata|aangekomen|dotarł[ao]?|"
    r"пришл[оаи](?<!не пришло)(?<!не пришла)(?<!не пришли)|sudah sampai|udah sampai|udah nyampe|sudah datang|"
    r"đã nhận|nhận được rồi|como siempre|comme toujours|wie immer|como sempre|come sempre|zoals altijd|som alltid|"
    r"jak zawsze|как всегда|seperti biasa|như mọi khi|"
    # "<@A> ohhh that makes so much sense now. Thank you!!", "<@A> saw those, really good points on push vs SMS. thank
    # you", "<@A> ah found it. Dalu!"
    r"makes (?:so much|total|a lot of|more|perfect|complete) sense|good points?|fair points?|valid points?|good call|good shout|"
    r"good catch|"
    # …and in the other languages: "<@A> caramba, bem visto! era o parse… obrigada!!", "<@A> era isso! … valeu!", "<@A>
    # wow, das ist ja schon fertig. Tausend Dank"
    r"buen catch|bien visto|buena esa|bem visto|boa pegada|era isso|isso mesmo|gut gesehen|guter fang|schon fertig|"
    r"ben visto|bien vu|bien joué|bem lembrado|bien pensado|"
    # a suggestion taken or a find confirmed: "<@A> isso resolve o problema…, ótima ideia. valeu!", "<@A> o boże, to
    # było to. dziena!", "<@A> oh you're fast. дякую!"
    r"great idea|good idea|ótima ideia|otima ideia|boa ideia|buena idea|gran idea|bonne idée|buona idea|ottima idea|"
    r"gute idee|goed idee|bra idé|dobry pomysł|świetny pomysł|harika fikir|iyi fikir|отличная идея|хорошая идея|"
    # "<@A> mega, to bardzo pomoże…. Dzięki!", "…tá tudo certinho e já integrei. obrigadão!!"
    r"mega|certinho|tudo certo|deu bom|"
    r"to było to|o to chodziło|you'?re fast|you'?re quick|ur fast|"
    # "<@A> good find, filed AND-902. ty!", "good catches <@A>, updated. thx", "y'all made that happen"
    r"good finds?|great finds?|nice finds?|good catches|great catches|nice catches|made (?:this|that|it) happen|"
    r"made me look good|"
    r"found it|"
    r"jelas(?<!tidak jelas)(?<!kurang jelas)(?<!belum jelas)(?<!gak jelas)(?<!nggak jelas)(?<!ga jelas)|"
    r"útil|utile|nützlich|hilfreich|berguna|bermanfaat|hữu ích|that explains|explains (?:it|why|the)"
)
_SUCCESS_NOSPACE += (
    "|早い|速い|はやい|良くなり|よくなり|良くなった|届きました|届いた|いつもありがとう|助かる|"
    "좋아졌|도착했|받았어요|받았습니다|항상 감사|늘 감사|유용|"
    "变好|好多了|收到了|一如既往|(?<!没)(?<!沒)有用|ได้รับแล้ว|มีประโยชน์"
)
# …found, or done thanks to the person: "<@A> 오 찾았어요!! 고마워요", "<@A> 덕분에 KR 버전 만들었어요. 감사합니다!",
# "<@A> 見つかりました、ありがとう", "多亏了 <@A>"
_SUCCESS_NOSPACE += "|跑通了|跑通啦|yyds|使ってみます|試してみます|やってみます|찾았(?<!못 찾았)(?<!못찾았)|덕분에|덕분이|수고 많으셨|見つかりました|見つかった|おかげ|找到了|找到啦|多亏|多虧"
# run on " " + text: the leading non-word character lets the engine skip words fast, and the words as a
# trie cost one test per first letter, not one per word
_SUCCESS = re.compile(rf"[^\w]{_alternation(_SUCCESS_WORDS)}\b")
_SUCCESS_OTHER = re.compile(_alternation(_SUCCESS_NOSPACE))


def _reports_success(low: str) -> bool:
    if _SUCCESS.search(" " + low) is not None or _YOU_DID.search(low) is not None:
        return True
    return not low.isascii() and _SUCCESS_OTHER.search(low) is not None


# A success reported within the first words after a mention: ":pray: <@A> worked first try", "🙏 <@A> that did it".
# Not a hope or a condition: ":pray: <@A> hope it works", ":pray: <@A> if it works…".
_SUCCESS_NEXT = re.compile(
    rf"[\s,:!\-–—]*(?:(?!(?:hope|hopefully|if|not|should|might|may|will|would|could|try|let's|lets|please|pls)\b)"
    rf"[^\W_]+ ){{0,5}}{_alternation(_SUCCESS_WORDS)}\b"
)
_WEAK_REASON = re.compile(
    r"(?:any\b|all (?:your|the) help|your help|the help|help(?:ing)?\b|(?:your|the) time|looking|taking a look|"
    r"having a look|checking|reading|considering|your patience|your understanding|your attention|understanding|"
    r"your consideration|in advance|(?:a )?(?:sua |tua |su |tu |vuestra |votre )?aten[çc][ãa]o|(?:su |tu )?atenci[óo]n|"
    r"(?:votre |ton )?attention)"
)

# Left of a cue, read backwards over a reversed window: fillers, then a list of mentions.
_LEFT_WINDOW = 200


def _rev_alt(words: str) -> str:
    return "|".join(re.escape(w[::-1]) for w in words.split("|"))


_LFILL_WORDS = (
    "also|and|btw|oh|ok|okay|again|so|just|really|yes|yeah|haha|lol|omg|wow|great|perfect|awesome|amazing|nice|"
    "cool|sweet|brilliant|excellent|ah|ahh|hey|hi|san|ji|"
    # the same in Greek, and "sorry": "<@A> α ναι. οκ ευχαριστώ", "<@A> αα οκ sorry! ευχαριστώ που το μετέφερες"
    "οκ|οκει|ναι|α|αα|ααα|εντάξει|ενταξει|τέλεια|τελεια|ωραία|ωραια|σούπερ|σουπερ|sorry|"
    # "really" in the supported languages: "<@A>, echt bedankt", "<@A>, vraiment merci", "<@A> seriously, thanks"
    "seriously|truly|echt|wirklich|vraiment|davvero|naprawdę|gerçekten|"
    # "many" before the thanks word: "<@A> muito obrigado", "<@A> muchas gracias", "<@A> vielen Dank"
    "muito|muchas|mil|molte|moltes|moitas|vielen|heel|tusen|bardzo|çok|большое|many|"
    # "big" too: "<@A> wielkie dzięki za zastępstwo", "<@A> big thanks for covering", "<@A> tausend Dank"
    "big|huge|massive|wielkie|ogromne|tausend|große|grosses|gros|grande|enorme|огромное|"
    # forms of address between the person and the thanks: "<@A> hocam sağ olun", "<@A> bro thanks"
    "hocam|abi|abla|kanka|bro|mate|dude|man|sir|amigo|amiga|hermano|irmão|bhai|anh|chị|kak|pak|"
    # Turkish "Bey" / "Hanım" after the name, with the dative too: "<@A> Bey'e teşekkürler", "<@A> Hanım … teşekkürler"
    "bey|bey'e|beye|hanım|hanım'a|hanim|hanima|abiye|ablaya|hocama|hocaya|"
    # Turkish "also" / "special" / "to you both": "<@A>'a ayrıca teşekkürler", "<@A>'a özel teşekkür", "ikinize de"
    "ayrıca|ayrica|özel|ozel|ikinize de|ikinize|"
    # "especially": "<@A>'ye özellikle teşekkür ederim", "<@A> besonders danke"
    "özellikle|especially|particularly|besonders|vooral|surtout|especialmente|soprattutto|szczególnie|"
    # "both of you" / "all of you": "<@A> <@B> you both, thanks", "<@A> <@B> お二人ともありがとう"
    "both|you both|you two|you all|all"
)
_LEFT_REV = re.compile(
    rf"(?P<f>(?:[\s,:;!\-–—~.…、，{TYE}{EMO}{_UEMOJI}]|\b{_alternation(_rev_alt(_LFILL_WORDS))}\b|"
    rf"{_rev_alt('さん|様|さま|くん|君|ちゃん|先生|님|씨|兄|老师|जी|भाई|दीदी|का|को|बहुत|お二人とも|二人とも|お二人|皆さん|みんな|两位|兩位|你们|你們|두 분|두분|모두')})*)"
    # _SEP read backwards: "<@B> and to <@A>" reversed is "…ot dna…".
    rf"(?P<m>{M}(?:(?:(?:\s+(?:{_rev_alt(_AND_LINK)})){{0,2}}(?:\s+(?:{_rev_alt(_JOIN)}))?\s*[,&+/、，،]\s*|"
    rf"(?:\s+(?:{_rev_alt(_AND_LINK)})){{0,2}}\s+(?:{_rev_alt(_JOIN)})\s+|\s*(?:{_rev_alt(_AND_NOSPACE)})\s*|\s+)"
    rf"(?:(?:{_rev_alt(_HONORIFIC)})\s*)?{M}){{0,49}})"
)


_MENTION_RE = re.compile(M)


def _mentions(s: str, ids: list[str]) -> list[str]:
    return [ids[ord(c) - _M0] for c in _MENTION_RE.findall(s)]


# A clause break: punctuation, or a space starting " - ", " but ", " btw"…. One class tests the first
# character (so the engine skips to the next candidate); the words are tried only after a space.
_REASON_CUT = re.compile(r"[,;:—–()\[\]\" ](?:(?<=[^ ])|- |but |and i |so i |i'll |i will |btw)")
_REASON_DROP = re.compile(f"{M}|[{_TOKENS}]")
# Thai politeness particles close a sentence, not the reason: "ขอบคุณสำหรับ feedback นะคะ" → "feedback"
_THAI_PARTICLES_END = re.compile(r"(?:\s*(?:นะ|ครับ|คร้าบ|ค่ะ|คะ|ค่า+|จ้า+))+$")


# Russian and Ukrainian "за то, что…" / "за те, що…" (for the fact that…): the reason is the clause after it.
_THAT_CLAUSE = re.compile(r"(?:то|те),? (?:что|що) ")


def _clean_reason(raw: str) -> str | None:
    if raw.startswith(("то", "те")) and (that := _THAT_CLAUSE.match(raw)) is not None:
        raw = raw[that.end() :]
    # The reason stops at the first clause break: "for the review, but I think…" → "the review".
    m = _REASON_CUT.search(raw)
    cut = raw[: m.start()] if m else raw
    if not cut.isascii():  # mentions and tokens are not ASCII
        cut = _THAI_PARTICLES_END.sub("", _REASON_DROP.sub(" ", cut).rstrip())
    cut = " ".join(cut.split()).strip(" '-")
    # "for the design and <@B> for the tests": the "and" introduced the next person, not more reason.
    if cut.rpartition(" ")[2] in _AND_TAIL_WORDS:  # a set lookup first: most reasons end otherwise
        cut = _REASON_ENDS_WITH_AND.sub("", cut).rstrip(" ,")
    if len(cut) > MAX_REASON:
        cut = cut[:MAX_REASON].rsplit(" ", 1)[0]
    return cut or None


def _nobody_to_thank(text: str, author: str, thread_parent_author: str | None) -> bool:
    """Everyone a message can thank is a mention ("<@…>" markup: the only source of mention tokens) or the author
    of the thread it replies to: with neither, the answer is empty whatever the words ("lunch?", "thanks for
    joining, all!"), and one string search saves the pre-filter and the rest."""
    return "<@" not in text and (not thread_parent_author or thread_parent_author == author)


def _person_then_for(for_words: str) -> re.Pattern[str]:
    """A message that opens with the person, then one of `for_words` and what they are thanked for — not "for the
    record", "for now": the shape both of "<@A> for … спасибо!" and of a credit-only reply."""
    return re.compile(
        rf"[^\w{M[1:-1]}]*{_MLIST}[\s,:—–-]*(?:\([^()\n]{{1,30}}\)\s*)?(?:{for_words})\b(?! (?:the record|now|example|"
        r"instance|some reason|real|"
        r"sure|once|today|tomorrow|this week|next week|ever|context|reference|info|fyi|what it's worth|a moment|a sec|"
        r"a bit|el momento|ahora|ejemplo|maintenant|exemple|jetzt|agora|exemplo|ora)\b)"
    )


# The person and what they are thanked for, the thanks word after it: "<@A> for catching the rotate bug before
# release. спасибо!", "<@A> por la ayuda de ayer. ¡Gracias!".
_ADDRESSED_FOR = _person_then_for(_FOR_WORDS)


_KUDOS_REPLY_MAX = 240  # characters of a reply that names a person and what for, and nothing else
# (the "for" of a credit only: not "<@A> on it", "<@A> per Sensor seit Charge 23-B")
_CREDIT_FOR_WORDS = "for|pour|por|für|voor|para|pra|pelo|pela|za|за|kwa"  # (Swahili "<@A> kwa prototype")
# (not a rule of use: "<@A> `ff_` for new ones. the others are legacy"; nor "<@A> para eso está random!", that is what
# #random is for)
_KUDOS_FOR = re.compile(
    _person_then_for(_CREDIT_FOR_WORDS).pattern
    + r"(?! (?:new|old|existing|all|each|every|both|those|these|others?|eso|esto|ello|que|qué|isso|isto)\b)"
)
# …and the next person of such a reply: "<@A> for the van saga, and <@B> for the canal expedition"
_KUDOS_NEXT = re.compile(
    rf"[^\n.!?{M[1:-1]}]{{1,120}}?(?:,\s*|\s+)(?:(?:{_JOIN})\s+)?{_LINKS_BEFORE}(?P<m>{_MLIST})\s*(?:{_CREDIT_FOR_WORDS})\b"
)


# The same reply in Turkish, which says what they did, then "için" (for): "<@A> iade sebeplerini düzgün saydığı için",
# "<@A> abiye yazıcı taktiğini gösterdiği için, bir de <@B> her soruya 5 dakikada cevap verdiği için :pray:" — a
# participle before it ("saydığı", "verdiği"), not "<@A> sayım için 6 kişi ayırdım" (for the count).
_DID_FOR = rf"[^\n.!?{M[1:-1]}]{{1,100}}?[dt][ıiuü]ğ[ıiuü](?:n[ıiuü]z)?\s+i[çc]in\b"
_ANY_FOR = rf"[^\n.!?{M[1:-1]}]{{1,80}}?\s+i[çc]in\b"  # what for, said any way (after a person in the dative)
# (the next person of such a reply: "…, bir de <@B> …")
_ICIN_NEXT_PERSON = rf"[^\n.!?{M[1:-1]}]{{0,40}}?(?:,\s*|\s+)(?:(?:bir de|ve|ayrıca)\s+)?(?P<m>{_MLIST})"
_KUDOS_ICIN = re.compile(rf"\s*{_MLIST}{_DID_FOR}")
_KUDOS_ICIN_NEXT = re.compile(_ICIN_NEXT_PERSON + _DID_FOR)
# …or the person in the dative ("to A"), then what for: "<@A>'ya l10n diff script'i için", "<@A> ve <@B>'e Addressables
# leak'i için" — read on the raw text, since the case ending goes with the rest of the markup (_MENTION_SUFFIX)
_TO_PERSON_TR = re.compile(r"\s*<@[^>]{1,40}>(?:\s*(?:,|ve)\s*<@[^>]{1,40}>)*['’](?:y?[ae]|n[ae])\b")
_KUDOS_ICIN_TO = re.compile(rf"\s*{_MLIST}{_ANY_FOR}")
_KUDOS_ICIN_TO_NEXT = re.compile(_ICIN_NEXT_PERSON + _ANY_FOR)
# …or what for, then nothing more: "<@A> Figma component'leri için, Galata temasında hepimizin haftasını kurtaracak"
_KUDOS_ICIN_END = re.compile(
    rf"\s*{_MLIST}[^\n.!?,{M[1:-1]}]{{1,60}}?\s+i[çc]in(?=\s*(?:[,.!…\n{TYE}{EMO}{_UEMOJI}]|$))"
)


def _kudos_reply(text: str, author: str, thread_parent_author: str | None) -> tuple[Thanks, ...]:
    """A reply with no thanks word that is only people and what each is credited for ("<@A> for the webhook alert that
    now saves me from myself", "<@A> for the pierogi AND the Polish macros"): the answer to a thread asking who helped
    this week — not a reply that goes on to ask or tell them something ("<@A> for the Q3 report use the template?")."""
    if thread_parent_author in (None, author) or len(text) > _KUDOS_REPLY_MAX:
        return ()
    # (one more in such a thread may open with "and": "and obviously <@A> for the reminder fix")
    lead = _KUDOS_LEAD.match(text) if text[:1] in "aApP+àÀyYeEtTdD" else None
    if not text.startswith("<@") and lead is None:
        return ()
    norm, ids = _normalize(text)
    low = norm.lower()
    start = 0 if lead is None else lead.end()
    dative = _TO_PERSON_TR.match(text) is not None
    m = (
        _KUDOS_FOR.match(low, start)
        or _KUDOS_ICIN.match(low, start)
        or (_KUDOS_ICIN_TO.match(low, start) if dative else _KUDOS_ICIN_END.match(low, start))
    )
    # (an instruction is in the reply's first sentence: "<@A> for the Q3 report use the template"; a later one says
    # what came of the help: "<@A> for the float forecast. if it works my Mondays are free again")
    if m is None or "?" in low:
        return ()
    starts = _sentence_starts(low)
    if _asks_in_reply(low, starts[1] if len(starts) > 1 else len(low)):
        return ()
    people = _mentions(low[: m.end()], ids)
    pos = m.end()
    next_icin = _KUDOS_ICIN_TO_NEXT if dative else _KUDOS_ICIN_NEXT
    while (nxt := _KUDOS_NEXT.match(low, pos) or next_icin.match(low, pos)) is not None:
        people.extend(_mentions(nxt.group("m"), ids))
        pos = nxt.end()
    return tuple(Thanks(uid, None) for uid in dict.fromkeys(people) if uid != author)


# An order placed in a thread that collects them, signed off with a thanks: "americano, thanks!", "flat white merci
# ❤️", "Veg-tallriken, tack!", "<@A> 1 καλαμάκι κοτόπουλο χωρίς κρεμμύδι, ευχαριστώ!" — the whole reply is the order:
# a drink or dish, a few words about it, then the thanks (not "the latte you brought saved me, thanks!").
_ORDER_MAX: Final = 80
_ORDER_ITEMS = (
    "americano|latte|flat white|cappuccino|capuccino|cortado|espresso|macchiato|mocha|chai|matcha|"
    "cold brew|iced coffee|drip|decaf|hot chocolate|green tea|black tea|tea|allongé|café|cafe|kaffe|kaffee|"
    "sandwich|salad|salade|wrap|bowl|burger|pizza|slice|sushi|poke|burrito|taco|pho|ramen|noodles|curry|soup|"
    "bagel|croissant|smoothie|tallriken|tallrik|bowlen|sallad|καλαμάκι|καλαμάκια|σουβλάκι|σουβλάκια|πίτα|πίτες|"
    "γύρος|γύρο|σαλάτα|φραπέ|φρέντο|freddo|εσπρέσο|καπουτσίνο|"
    # Russian ("мне флэт уайт, спасибо!!", "мне тоже ничего, спасибо 🙂": nothing for me either) and Singaporean
    # ("teh peng siew dai, thanks ah!")
    "латте|капучино|американо|флэт уайт|флэт-уайт|раф|эспрессо|кофе|чай|ничего|kopi|teh|milo|"
    # Taiwanese bubble tea ("+1 波霸奶茶 無糖 thx")
    "奶茶|珍奶|紅茶|綠茶|红茶|绿茶|拿鐵|拿铁|咖啡"
)
# (before the dish, how many and which: "a large oat latte", "for me: 2 tacos", "ένα σουβλάκι"; after it, one word
# of it, "κοτόπουλο", then what to leave out or add: "with oat milk", "χωρίς κρεμμύδι")
_ORDER_BEFORE = (
    "a|an|one|two|three|\\d+x?|large|small|medium|regular|grande|venti|tall|iced|hot|oat|soy|almond|decaf|double|single|"
    "triple|extra|the|me|for me|same|same for me|just|veg|vegan|veggie|vegetarian|un|une|deux|ett|en|två|ένα|μία|μια|δύο|"
    "i'll have|i'd like|can i get|i'll take|pour moi|för mig|мне|мне тоже|для меня|\\+1"
)
_ORDER_MODIFIERS = (
    "with|w/|no|without|sans|avec|med|utan|χωρίς|με|extra|and|please|pls|x\\d|\\d+x?|siew|siu|kosong|gao|gau"
)
_ORDER = re.compile(
    rf"\s*(?:{M}\s*)*(?:(?:{_ORDER_BEFORE})[\s,:]+){{0,3}}[\w'’-]*(?:{_ORDER_ITEMS})s?\b"
    rf"(?:\s+(?!(?:was|is|were|saved|you|u|that|this)\b)[\w'’-]+)?(?:[\s,]+(?:{_ORDER_MODIFIERS})(?:\s+[\w'’-]+){{0,2}})*"
    rf"[\s,.!:;-]*(?:{_THANKS_WORDS}|ta|cheers)(?: ah| lah| la)?[\s!.…{TYE}{EMO}{_UEMOJI}]*$"
)


# What may open a reply that adds one more person to a thread of credits: "and obviously <@A> for…", "also <@A> for…"
# (matched on the text before its markup is read, as the mention test is: the few words before the first mention read
# the same in both, so where it ends is a position in either)
_KUDOS_LEAD = re.compile(
    r"(?i:and|also|plus|\+)(?: (?i:also|obviously|of course|finally|last but not least|especially|definitely|"
    r"of course also))?,? (?=<@)"
    # …or with "to" in the languages that say it: "A <@A> por el handoff más claro…, y a <@B> por…", "à <@A> pour…"
    r"|(?i:y a|e a|a|à|para|pra|to|an|aan|do|dla) (?=<@)"
)


def _asks_in_reply(low: str, end: int) -> bool:
    """Whether the first `end` characters of a "<@A> for …" reply ask or plan something: a request word, or a verb
    that is not in a clause saying what happened ("…the queue Wednesday when I was stuck", "…(and the coffee machine,
    which is honestly the bigger deal)")."""
    for m in _REQUEST_IN_REPLY.finditer(low, 0, end):
        word = m.group()
        if low.rfind("(", 0, m.start()) > low.rfind(")", 0, m.start()):
            continue  # an aside: "<@A> for the chatbot fix (the member is still telling people about it)"
        if word in _COPULAS and (
            _SUBORDINATE_BEFORE.search(low, max(0, m.start() - 30), m.start())
            # (or in a clause of the author's own after a comma: "<@B> for the pytest-xdist tip, my tests are 4x faster now")
            or _OWN_CLAUSE_BEFORE.search(low, max(0, m.start() - 30), m.start())
        ):
            continue
        if word in _ALSO_NOUNS and _NOUN_BEFORE.search(low, max(0, m.start() - 12), m.start()):
            continue  # a thing, not an instruction: "<@A> for the CI check on the gradle template"
        return True
    return False


_COPULAS = frozenset(["is", "are", "was", "were", "will"])
_OWN_CLAUSE_BEFORE = re.compile(r", (?:my|our|we|i)(?: [\w'’-]+){0,2} $")  # (what the help did for the author)
_ALSO_NOUNS = frozenset(["check", "use"])
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|ci|health|sanity|lint|quick|final|spot|security|type) $")
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:when|while|which|that|who|as|because|since|if|where|after|before|until)\b(?: [\w'’]+){0,2} $"
)


# Words that make a "<@A> for …" reply an instruction or a plan, not a credit (and the Turkish ones: "lütfen", "yarın",
# "bugün", "-mısın").
_REQUEST_IN_REPLY = re.compile(
    r"\b(?:please|pls|can you|could you|would you|will you|use|send|check|need|needs|should|must|let's|tomorrow|today|"
    r"tonight|next week|by (?:eod|monday|tuesday|wednesday|thursday|friday)|asap|is|are|was|were|will|"
    r"lütfen|lutfen|rica|yarın|yarin|bugün|bugun|m[ıiuü]s[ıiuü]n(?:[ıiuü]z)?)\b"
)


# What a group is thanked for when many gave it: "thanks everyone for the input / the help / your ideas".
_MANY_GAVE = re.compile(
    r"(?:(?:all |the |your |all the |all your |so many )?(?:great |quick |helpful )?)"
    r"(?:help|input|inputs|feedback|ideas?|suggestions?|answers?|replies|responses|tips|advice|votes?|thoughts|"
    r"pointers|recommendations?|comments?|opinions?|insights?)\b"
)


def _group_means_parent(reason: str | None) -> bool:
    return reason is None or _MANY_GAVE.match(reason.lower()) is None


# A thanks emoji opening a reply ("🙏🏻 reading now", ":bow: perfect, sending it now") thanks its parent — not
# a hope or a plea after it (":pray: hope it works", ":pray: espero que funcione", ":pray: same here").
_HOPE_AFTER = re.compile(
    r"[^.!?\n]{0,60}?\b(?:hope|hoping|hopefully|fingers crossed|please|pls|same|me too|espero|ojal[aá]|"
    r"nadziej|oby|j'esp[eè]re|hoffe|hoffentlich|spero|speriamo|hoop|hopelijk|hoppas|umar[ıi]m|надеюсь|semoga|"
    r"mudah-mudahan|hy vọng|ελπίζω)|[^.!?\n]{0,60}?(?:願|希望|바라|祈)"
)


def _opens_with_thanks_emoji(low: str, cs: int, ce: int, n: int, opening: int) -> bool:
    """Whether only thanks emoji and spaces come before the cue (`opening`: how many open the message) and no hope
    follows it."""
    return cs <= opening and not _HOPE_AFTER.match(low, ce, min(n, ce + 80))


def detect_thanks(text: str, author: str, thread_parent_author: str | None = None) -> tuple[Thanks, ...]:
    """Users the author genuinely thanks, in order of first appearance, deduplicated, never the author."""
    return _detect(text, author, thread_parent_author, None, 0)


def model_buckets(
    text: str, author: str, thread_parent_author: str | None = None, bits: int = 18
) -> list[tuple[str, list[int]]]:
    """What the model weighs for a message: (candidate, hashed features in 2**bits buckets) for each person it could
    thank, or [] when the message never reaches the model (no one to thank, no word of thanks in it, or the rules settle
    it: _rules_settle). For training (tools/train_thanks_model.py)."""
    features: list[tuple[str, list[int]]] = []
    _detect(text, author, thread_parent_author, features, (1 << bits) - 1)
    return features


def model_scores(text: str, author: str, thread_parent_author: str | None = None) -> list[tuple[str, float]]:
    """The model's probability for each person it weighs in a message, as detect_thanks weighs them (a person is
    thanked at or over the model's threshold, unless named only as the owner of work still to do: _only_assigned), or
    [] when the message never reaches the model or there is no model.
    For checking the detector against its training (tools/train_thanks_model.py)."""
    scores: list[tuple[str, float]] = []
    _detect(text, author, thread_parent_author, None, 0, scores)
    return scores


def _detect(
    text: str,
    author: str,
    thread_parent_author: str | None,
    features: list[tuple[str, list[int]]] | None,
    mask: int,
    scores: list[tuple[str, float]] | None = None,
) -> tuple[Thanks, ...]:
    """detect_thanks, or (with `features`, a list to fill) the rules' answer and the model's inputs under `mask`;
    `scores`, a list to fill with the model's probability for each person it weighs."""
    if not text:
        return ()
    text = text[:MAX_CHARS]
    if _nobody_to_thank(text, author, thread_parent_author):
        return ()
    text = _prepare(text)
    if not _may_contain_thanks(text) and not _ta_named(text):
        return _kudos_reply(text, author, thread_parent_author)
    norm, ids = _normalize(text)
    low = norm.lower()
    if len(low) != len(norm):  # a few characters change length when lowercased; keep offsets aligned
        norm = low
    if thread_parent_author == author:
        # A reply in one's own thread has no parent to thank: it reads like a top-level message, so
        # "update: <@A> sorted it out with me over DM, thank you!" credits A.
        thread_parent_author = None

    # cues: (kind, start, end); kills: (kind, position) of cancelling phrases; esps: where "especially"
    # and its translations are
    ascii_text = text.isascii()
    cues, reqs, esps, kills = _scan(low, ascii_text)
    if "++" in low:
        cues.extend(("karma", m.start(), m.end()) for m in _KARMA.finditer(low))
        cues.sort(key=_start)
    if "ta " in low:
        _add_ta_named(norm, cues)
    if "Thank a" in norm:
        cues = _without_titled_names(norm, cues)
    if not cues:
        return _kudos_reply(text, author, thread_parent_author)
    if thread_parent_author is not None and len(low) <= _ORDER_MAX and _ORDER.match(low):
        return ()  # "americano, thanks!", "oat latte, ta": an order placed in a coffee or lunch run's thread
    starts = _sentence_starts(low)
    found = _by_rules(text, norm, low, ids, author, thread_parent_author, ascii_text, cues, reqs, esps, kills, starts)
    if _rules_settle(found, ids, author, thread_parent_author, reqs, kills):
        return found
    weights = _WEIGHTS or _weights()
    if features is None and not weights.loaded:
        return found
    reading = _Reading(
        low,
        ids,
        author,
        thread_parent_author,
        cues,
        reqs,
        kills,
        starts,
        weights.mask if features is None else mask,
    )
    if features is not None:
        features += _model_buckets(reading, {t.user_id for t in found})
        return found
    return _weighed(found, reading, weights, scores)


# A list labelled as work still to do names the people who have not done it: "Access review: 24/31 done. Thanks to
# everyone who finished early 🙏 remaining: <@A> <@B>", "thanks for the quick replies! still waiting on <@C>".
_PENDING_LIST = re.compile(
    r"\b(?:remaining|pending|outstanding|overdue|missing|still (?:missing|pending|outstanding|open|to go|waiting on)|"
    r"waiting on|not (?:yet )?(?:done|submitted|finished)|yet to (?:finish|submit|reply|respond)|to ?do|left to do)"
    rf"\b *:? *(?={M})"
)


def _not_pending(low: str, ids: list[str], targets: list[str], ce: int, se: int) -> list[str]:
    """`targets` without the people a label after the thanks lists as still to do (_PENDING_LIST)."""
    label = _PENDING_LIST.search(low, ce, se)
    if label is None:
        return targets
    pending = set(_mentions(low[label.end() : se], ids))
    return [uid for uid in targets if uid not in pending]


def _line_starts(low: str) -> list[int]:
    """Where each line of the text starts."""
    starts = [0]
    pos = low.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = low.find("\n", pos + 1)
    return starts


def _rules_settle(
    found: tuple[Thanks, ...],
    ids: list[str],
    author: str,
    thread_parent_author: str | None,
    reqs: list[int],
    kills: list[tuple[str, int]],
) -> bool:
    """Whether the rules' answer stands without the model: a top-level message that could thank one person only, whom
    the rules thank, with nothing in it that asks or cancels ("thanks <@A>!", "<@A> you saved me"). On 18 sets it was
    not trained on, the model changed 3 of 1,131 such answers, 2 for the worse (BENCHMARKS.md, "Accuracy in stop 27"),
    and they are about 40% of the messages that would reach it; neither training nor detection weighs them. (A reply
    keeps the model: there it changed 10 of 362, 7 for the better.)"""
    return (
        thread_parent_author is None
        and len(found) == 1
        and not reqs
        and not kills
        and len(_model_candidates(ids, author, thread_parent_author)) == 1
    )


def _by_rules(
    text: str,
    norm: str,
    low: str,
    ids: list[str],
    author: str,
    thread_parent_author: str | None,
    ascii_text: bool,
    cues: list[_Cue],
    reqs: list[int],
    esps: list[int],
    kills: list[tuple[str, int]],
    sent_starts: list[int],
) -> tuple[Thanks, ...]:
    """What the rules say a message that passed the pre-filter thanks, from its scan (steps 4 and 5 above), and where
    its sentences start."""
    if reqs and reqs[0] < 40 and low[:1] >= _FIRST_MENTION and low.startswith(_PLEASE_STARTS, reqs[0]):
        reqs = _accepted_offer(low, reqs)  # "<@A> yes please, thanks": an offer accepted, not a request
    if reqs:
        reqs = _unsurprised(low, reqs)  # "<@A> already? you're a machine, thank you": surprise, not a question

    n = len(low)
    line_starts = _line_starts(low)

    dead_sents: set[int] = set()
    dead_lines: dict[int, int] = {}  # line → where sarcasm starts to cancel its cues
    conds: list[int] = []  # where a condition put to someone starts ("if you can…", "si puedes…")
    laughs: list[int] = []  # where a laugh starts ("haha", "aww", "jaja", "ㅋㅋ")
    accepted = False  # whether an offer was accepted ("yes please!! danke")
    for kind, p in kills:  # most messages have none
        if kind == "nothx" and low.startswith("no thanks to", p):
            # "thanks <@A> for the quick fix — and no thanks to the supplier who…": blame for someone else
            # cancels the rest of its line, not the thanks before it.
            li = bisect_right(line_starts, p) - 1
            dead_lines[li] = min(p, dead_lines.get(li, p))
        elif kind in ("nothx", "tia"):
            dead_sents.add(bisect_right(sent_starts, p) - 1)
        elif kind == "cond":
            conds.append(p)
        elif kind == "laugh":
            laughs.append(p)
        elif kind == "offer":
            accepted = True
        elif kind == "sarc":
            # Sarcasm cancels its line from the sentence of the last thanks before it: "thanks <@A> for
            # restoring the backup. and thanks to <@B>'s cron job for deleting it :upside_down_face:"
            # still thanks A.
            # Within that sentence, a thanks before the last one keeps its own: "<@A> <@B> спасибо за быструю
            # реакцию :pray: <@C> ну и тебе спасибо за пятничный деплой :upside_down_face:" still thanks A and B.
            li = bisect_right(line_starts, p) - 1
            before = [c for c in cues if line_starts[li] <= c[1] < p]
            if before and _asked_in_a_later_sentence(reqs, sent_starts, before[-1], p):
                continue  # "thanks <@A> for the fix. <@B> next time please test before merging 😑": at what is asked
            if before and _ironic_aside(low, p, before[-1][2]):
                continue  # "thanks <@A> for pairing, I'd never have guessed it was a timezone thing (IST vs UTC 🙃)"
            if not before and _thanks_only_in_later_sentences(cues, sent_starts, p):
                continue  # "it was x86 running under Rosetta 🙃 switched to arm64, 40 sec now. thx <@A>!!": the irony is about
                # what came before, not the thanks after it
            start = sent_starts[bisect_right(sent_starts, before[-1][1]) - 1] if before else line_starts[li]
            if len(before) > 1 and before[-2][1] >= start and before[-2][0] != before[-1][0]:
                start = before[-2][2]  # (not "thanks, thanks a lot for breaking it 🙄": the same kind repeated)
            dead_lines[li] = min(start, dead_lines.get(li, start))

    msg_voc: list[str] | None = None  # the message's opening addressees, computed on first need
    # A message-level addressee counts for a later cue only when the message reports success.
    success: bool | None = None  # computed on first need: most messages never ask
    words: bool | None = None

    mention_pos: list[tuple[int, str]] | None = None  # (position, user id) of each mention, on first need
    asked: set[str] = set()  # people mentioned before the latest request, grown as cues advance
    asked_upto = 0

    credits: _Credits | None = None  # who is credited with work done, found on first need
    listed_lines: bool | None = None  # whether some line opens with a mention, found on first need

    quotes: int | None = None  # which quotation marks the message has, found on first need
    found: dict[str, str | None] = {}
    harm_words: bool | None = None  # whether the message has a word of _HARM_AFTER, found on first need
    pending_words: bool | None = None  # …and whether it labels a list of people with work still to do
    you_past: list[int] | None = None  # where each "you <did>" (_YOU_PAST) ends, found on first need
    opening: int | None = None  # how many thanks emoji and spaces open the message, found on first need
    named = False  # whether an earlier cue thanked someone the message names
    for cue in cues:
        kind, cs, ce = cue
        credited_together = False  # whether this thanks is to several, for the people credited before it
        si = bisect_right(sent_starts, cs) - 1
        if (dead_sents and si in dead_sents) or (
            dead_lines and cs >= dead_lines.get(bisect_right(line_starts, cs) - 1, n)
        ):
            continue
        # A thanks inside a quoted phrase is talked about, not said: 'should the bot reply "thanks for your
        # contribution!"?', '« merci ! » à chaque commentaire', '「ありがとう」って返すの？'.
        if quotes is None:  # 0: no quotation marks, 1: only '"' (most messages are ASCII), 2: others too
            quotes = 2 if not ascii_text and _QUOTE_OPEN.search(low) else 1 if '"' in low else 0
        if quotes and _quoted(low, cs, ce, n, quotes == 2):
            continue
        # A cue looks at most _VIEW characters either way inside its sentence: work per cue is bounded,
        # so a 40,000-character "sentence" with thousands of cues stays linear.
        ss = max(sent_starts[si], cs - _VIEW)
        se = min(sent_starts[si + 1] if si + 1 < len(sent_starts) else n, ce + _VIEW)
        if conds and kind in ("strong", "grat") and _promised_on_condition(low, conds, ss, cs):
            continue
        if laughs and kind == "grat" and _laughed_off(low, laughs, ss, cs, ce, se, n):
            continue
        targets, reason, group, own_reasons = _targets(
            kind, cs, ce, low, norm, ids, ss, se, n, reqs, esps, sent_starts[max(0, si - 1)]
        )
        if targets and ce < se:
            if pending_words is None:  # one scan of the message first: most messages have no such label
                pending_words = _PENDING_LIST.search(low) is not None
            if pending_words:
                targets = _not_pending(low, ids, targets, ce, se)
        if targets and not ascii_text and _CLOSING_THANKS.match(low, cs) and len(ids) > len(targets):
            # "見つけてくれた <@A> さん、即直した <@B> くん、ありがとう🙏": not only the person right before the thanks
            done_for_me = _done_for_me(low, ids, ss, cs, reqs)
            if len(done_for_me) > len(targets) and set(targets) <= set(done_for_me):
                targets = done_for_me
        if reason is not None:
            if harm_words is None:  # one scan of the message for the words first: most messages have none
                harm_words = any(w in low for w in _HARM_WORDS)
            if (
                harm_words
                and (harm := _HARM_AFTER.search(low, ce, min(n, se + _VIEW))) is not None
                and not _RESCUED.search(low, harm.end(), min(n, se + _VIEW))
            ):
                continue  # "thanks for force-pushing over my branch, I lost 2 hours of edits": a complaint
        if targets is None:  # the cue was not a thanks after all ("thanks?", "thanks to X, we lost…")
            continue
        if not targets and len(line_starts) > 1 and kind != "karma" and ids:
            if listed_lines is None:
                listed_lines = _LIST_LINE.search(low) is not None or _POINT_LINE.search(low) is not None
            if listed_lines:
                targets = _listed(low, ids, line_starts, cue, group, reqs)
        if (len(ids) > 1 and (group or not targets)) or (
            ids and not targets and cs > ss and norm[ss:cs].strip()[:1].isupper()
        ):
            # "<@A> moved 38 boxes… <@B> rebuilt the layout… Thank you all / both / three", "I am so grateful to
            # each of you", "Marco, Felix — thank you": a thanks to several at once, for the people credited with
            # work done before it.
            together = _together(low, norm, cue, ss, se, sent_starts, si, targets, reason, group, len(ids) > 1)
            if together is not None:
                credits = credits or _Credits(low)
                more = _credited_together(low, ids, cs, sent_starts, reqs, credits, together)
                if not more and not targets and together >= 0:
                    # "<@A> <@B> visita confirmada para quinta. Obrigada aos dois por abrirem espaço na agenda": the
                    # people the message opens by addressing, when the thanks names as many or no number
                    # (said to them, not of them: "<@A> och <@B> ska fixa importflödet. Tack båda två!" is a notice)
                    msg_voc = _message_vocative(low, ids, sent_starts, msg_voc)
                    if (
                        len(msg_voc) >= 2
                        and together in (0, len(msg_voc))
                        and _MENTIONS_ONLY.match(low)
                        and (reason or _FOR_AFTER.match(low, ce))
                    ):
                        more = msg_voc
                if not more and not targets and together >= 3:
                    # "Top reviewers last week: <@A> (23 reviews), <@B> (19), <@C> (15). Thank you three for…": as
                    # many people as the thanks counts, the only ones the message names
                    counted = _only_people_named(low, ids, reqs, cs, ce)
                    if len(counted) == together:
                        more = counted
                if more:
                    targets = [*targets, *more]
                    credited_together = True
        n_req = bisect_right(reqs, cs) if reqs else 0  # requests before this cue
        if n_req and credited_together and "\n\n" in low[reqs[n_req - 1] : cs]:
            # "Thank you all" under a recap is for the people it credits, not a closing to a request in an earlier
            # paragraph ("• <@C> runs the audit on Tuesday, site leads please be around")
            n_req = 0
        elif n_req and _DONE_BEFORE_THANKS.search(low, max(0, cs - 12), cs):
            # Korean says what was done right before its thanks: "<@A> 오 37%면 역대급인데요? 👏 시트까지 바로
            # 업데이트해주셔서 감사해요" — a thanks for that, after a question of surprise, closes no request
            n_req = 0
        elif n_req and _in_later_point(low, line_starts, reqs[n_req - 1], cs):
            # "1. Fire drill Thu 10am, pls follow the wardens … 4. Christmas party: <@A> has kindly volunteered to
            # organise — thank you Jasmine!": a request in an earlier point of a list is not the one this closes
            n_req = 0
        req_before = n_req > 0
        if (
            req_before
            and (reason is None or _WEAK_REASON.match(reason.lower()))
            # (Thai says what for right after its thanks, Turkish right before it: "…พอยัดได้มั้ย ขอบคุณที่ยกมานะคะ",
            # "Yorumlarınızı bekliyorum. <@A> … verdiğiniz liste için sağ olun")
            and not low.startswith("ที่", ce)
            and not low.endswith(("için ", "icin "), 0, cs)
        ):
            # "…can you review? thanks": a closing to a request, unless it thanks someone who was not
            # asked anything ("<@A> can you merge? thanks <@B> for the review").
            last_req = reqs[n_req - 1]
            if mention_pos is None:
                mention_pos = [(m.start(), ids[ord(m.group()) - _M0]) for m in _MENTION_RE.finditer(low)]
            # A mention between a request and its closing thanks in one sentence is the one asked: "we need
            # the signed BOL before Friday <@A>, thx".
            asked_end = cs if last_req >= sent_starts[si] else last_req
            while asked_upto < len(mention_pos) and mention_pos[asked_upto][0] < asked_end:
                asked.add(mention_pos[asked_upto][1])
                asked_upto += 1
            if not targets and not group and not thread_parent_author and ids:
                # "are you still seeing the 502s? … <@B> bounced the ingress controller (ty!!)"
                credits = credits or _Credits(low)
                targets = _credited_before(cue, low, norm, ids, sent_starts[max(0, si - 1)], reqs, credits, past=False)
            if not targets or set(targets) <= asked:
                continue
            if (
                not asked
                and not reason
                and (
                    _ENDS_MESSAGE.match(low, ce)
                    or (
                        last_req >= sent_starts[si]
                        and _PEOPLE_END_MESSAGE.match(low, ce)
                        and not _YES_BEFORE.search(
                            low, max(0, last_req - 8), last_req
                        )  # "yes please send them, ty <@A>"
                    )
                )
            ):
                # "can someone send me the sales report? I need it today. <@A> thanks!": a request put to no one in
                # particular, then addressed and signed off at the end of the message — or signed off to the people
                # the sentence asks: "Please read it before Friday 🙏 <@A> <@B>"
                continue
        if not targets and not group and kind == "strong" and ids:
            # praise said of the person: "<@A> is the real MVP", "<@A> is the MVP of this audit season"
            praised = _PRAISE_SUBJECT.search(low, ss, cs)
            if praised is not None:
                targets = _mentions(praised.group("m"), ids)
        if not targets and not group:
            # (the vocatives are mentions; a kudos names its own people, unless it closes a message that names one
            # person: "<@A> nice find, this is the root cause of LNF-1471. kudos")
            if ids and (kind != "kudos" or (len(ids) == 1 and not low[ce:].strip(f" !.…\t\n{TYE}{EMO}"))):
                voc = _VOCATIVE.match(low, ss, cs)
                if voc and voc.start("m") < cs:
                    targets = _mentions(voc.group("m"), ids)
                    if bisect_right(reqs, cs) > bisect_left(reqs, voc.start()):
                        targets = []

                    elif not reason and _RESCHEDULED.search(low, voc.end(), cs):
                        targets = []  # "<@A> <@B> standup moved to 10:30 today, thx": a notice signed off
                elif (
                    kind != "emoji"
                    # (after a request only a thanks for something done: "<@A> yes please add icons. thx for
                    # catching that")
                    and (not req_before or (reason is not None and not _WEAK_REASON.match(reason.lower())))
                    and (msg_voc := _message_vocative(low, ids, sent_starts, msg_voc))
                ):
                    if success is None:
                        success = _reports_success(low)
                    if (
                        success
                        or reason
                        or kind == "strong"
                        or accepted
                        or bisect_right(you_past if you_past is not None else (you_past := _ends(_YOU_PAST, low)), cs)
                        > 0
                        or _ADDRESSED_FOR.match(low, 0, cs)
                        # a short reaction to the person, then the thanks: "<@A> mega, danke! Mach ich heute Nachmittag",
                        # "<@A> わあ、表まで！ありがとうございます！！" (not a notice signed off: "<@A> the WMS is slow. thanks")
                        or _reacted_then_thanked(low, cs)
                        # thanks said with weight is for something done, not a notice signed off: "<@A> went today,
                        # much better. thank you so much!"
                        or _WEIGHTY_THANKS.match(low, cs) is not None
                        # Russian and Ukrainian "Спасибо, что выручаешь!", "дякую, що допоміг": thanks for what they did
                        or _THANKS_THAT.match(low, ce) is not None
                        # Turkish says what for before the thanks: "<@A> gördüm, … ekliyorum. Yakaladığın için teşekkürler"
                        or low.endswith(("için ", "icin "), 0, cs)
                        # the person first, the thanks last, what they did between: "<@A> 通りました！爆速対応
                        # ありがとうございます", "<@A> lint 까지 넣어주시다니… 감사합니다!", "<@A> … खूप धन्यवाद"
                        or (not ascii_text and _CLOSING_THANKS.match(low, cs) is not None)
                    ):
                        # "<@A> deal!! thank you so much", "hey <@A>, I know you put my name forward… Thank you"
                        targets = msg_voc
                        if ascii_text and sent_starts[si] > 0 and _MENTION_RE.search(low, sent_starts[si], cs):
                            # …unless the thanks' own sentence credits someone else: "<@A> slides are in the drive.
                            # <@B> did the eng half so ta for that" thanks B
                            credits = credits or _Credits(low)
                            own = _credited_before(cue, low, norm, ids, sent_starts[si], reqs, credits)
                            if own and not set(own) & set(msg_voc):
                                targets = own
            if (
                not targets
                and not req_before
                and kind in ("grat", "strong")
                and (low[:1] >= _FIRST_MENTION or low[:1] in "hoa")
            ):
                targets = _acknowledged(low, ids, cs)  # "<@A> good point, I'll drop those. thanks!"
            if not targets and not req_before and not ascii_text and _CLOSING_THANKS.match(low, cs):
                # "今日は本当に長かった… <@A> 夜遅くまで修正付き合ってくれてありがとう！": the person who opens the thanks'
                # sentence, with what they did between
                targets = _opens_sentence(low, ids, ss, cs, reqs) or _done_for_me(
                    low, ids, sent_starts[max(0, si - 1)], cs, reqs
                )
            if not targets and kind != "karma" and ids:
                credits = credits or _Credits(low)
                # (in a thread reply only from the thanks' own sentence: "standup: <@A> fixed my local env, thanks a
                # lot 🙏" thanks A, not the parent; a credit a sentence before may be news told to the parent)
                credited_from = sent_starts[si] if thread_parent_author else sent_starts[max(0, si - 1)]
                targets = _credited_before(cue, low, norm, ids, credited_from, reqs, credits)
            if not targets and not named and not req_before and ids and kind != "karma":
                # "…behind the scenes: <@A> for tuning X and <@B> for Y. Gracias", "I never thanked <@A> for… thank you"
                lo = max(sent_starts[max(0, si - 1)], cs - _VIEW)
                targets = _credit_list(low, ids, lo, cs) or _owed_thanks(low, ids, lo, cs)
            if not targets and ids and kind != "emoji" and _first_name_after(norm, ce, reason is not None):
                # "I want to recognize <@A>, who tutored… Thank you, Somchai.", "This was all <@A>'s idea, I
                # just typed it up. thanks Kevin": a thanks naming one person by first name is for the last
                # one mentioned before it, with nothing asked between — even in a thread. So is "Merci Théo !" and a
                # name closing the reason: "… shader de rocha do <@A>, ficou absurdo. Valeu pelo shader, Théo!"
                targets = _last_mentioned(low, ids, cs, reqs)
            # A bare emoji in a thread thanks the parent only with nothing else said or with a success
            # ("that did it :pray:"); "same here :pray:" is pleading, not thanks.
            # "thanks <@A>! appreciate you taking the time": once the reply has thanked someone by name,
            # a later bare thanks ("appreciate you", "you rock") is still talking to them.
            if not targets and ids and (congrats := _CONGRATS_BEFORE.search(low, max(0, cs - 80), cs)):
                # "congrats <@A>! 🎉 and honestly thanks for all the patient code reviews": the thanks after a
                # congratulation is for the one just congratulated, not the thread's author
                targets = _mentions(congrats.group("m"), ids)
            if not targets and thread_parent_author and not named:
                if kind == "emoji" and success is None:
                    success = _reports_success(low)
                if (
                    kind == "emoji"
                    and success
                    and not req_before
                    and (msg_voc := _message_vocative(low, ids, sent_starts, msg_voc))
                ):
                    # "<@A> yyds！！直接省了一半打字 🙏": a reply that opens with someone and reports a success thanks them
                    targets = msg_voc
                elif (
                    kind != "emoji"
                    or success
                    or not (words if words is not None else (words := _has_words(low)))
                    or _opens_with_thanks_emoji(
                        low,
                        cs,
                        ce,
                        n,
                        opening if opening is not None else (opening := len(low) - len(low.lstrip(f" {TYE}"))),
                    )
                ):
                    targets = [thread_parent_author]
        elif (
            group
            and not targets
            and thread_parent_author
            and not named
            and not ids
            and GROUP not in low
            and _group_means_parent(reason)
        ):
            # "thank you all for the warm welcome!", "salamat everyone!!": a reply thanking everyone names no one
            # else than the thread's author — unless it thanks for what many gave ("thanks everyone for the input").
            targets = [thread_parent_author]
        if not targets and ids and len(line_starts) > 1 and not group:
            # A thanks inside a point of a list is for the people the point opens with, when it gives them no work
            # still to do and asks nothing: "・<@A> さんの…予約 31件！本当にありがとうございます 🙏".
            li = bisect_right(line_starts, cs) - 1
            point = _BULLET_PEOPLE.match(low, line_starts[li], cs)
            if (
                point
                and bisect_left(reqs, line_starts[li]) == bisect_left(reqs, cs)
                and not _ASSIGNED.search(low, line_starts[li], cs)
                and not _present_item(low, line_starts[li], cs)
            ):
                targets = _mentions(point.group("m"), ids)
        if group and not targets and ids and len(ids) > 1 and bisect_right(reqs, cs) == 0:
            # "<@A> <@B> great teamwork, thanks all": a thanks to all after praise of the people it opens with
            targets = _praised_all(low, ids, max(sent_starts[max(0, si - 1)], cs - _VIEW), cs)
        if targets and not ascii_text and len(ids) > len(targets) and low.startswith(_ZH_THANKS, cs):
            targets = [
                *targets,
                *_zh_list_goes_on(low, ids, ce, sent_starts[si + 1] if si + 1 < len(sent_starts) else n),
            ]
        if targets and len(ids) > len(targets) and (too := _AND_TOO.match(low, ce, min(n, ce + _VIEW))):
            # "thanks! and <@B> too", "thank you both (<@B> too) 🙏": one more person added on after the thanks
            targets = [*targets, *_mentions(too.group("m"), ids)]
        named = named or (bool(targets) and targets != [thread_parent_author])
        if (targets or group) and len(ids) > len(targets) and si + 1 < len(sent_starts):
            # "thanks everyone for the birthday wishes!! and <@A> for the cake", "… for 6 hours in the sun. And <@C>
            # for the 300 hot dogs": the next sentence goes on with another person and a reason of their own.
            a = _AND_FOR_NEXT.match(low, sent_starts[si + 1])
            if (
                a
                and bisect_left(reqs, a.start()) == bisect_left(reqs, a.end() + 1)  # "…and <@A> for lunch?" asks
                and not (a.group("rel") and _ASSIGNED.search(a.group("rel")))  # "…, who will present next week"
            ):
                more_reason = (
                    _clean_reason(norm[a.start("reason") : a.end("reason")]) if a.group("reason") is not None else None
                )
                for uid in _mentions(a.group("m"), ids):
                    if uid != author and uid not in found:
                        found[uid] = more_reason
        for uid in targets:
            if uid == author:
                continue
            uid_reason = own_reasons[uid] if own_reasons and uid in own_reasons else reason
            if uid not in found or (found[uid] is None and uid_reason):
                found[uid] = uid_reason
    return tuple([Thanks(uid, r) for uid, r in found.items()])


_ZH_THANKS = ("谢谢", "謝謝", "感谢", "感謝", "多谢", "多謝")
_ZH_AND_ALSO = re.compile(rf"(?:還有|还有|以及|也謝謝|也谢谢|也感謝|也感谢)\s*(?P<m>{_MLIST})")
_ZH_LIST_ITEM = re.compile(rf"[，,、]\s*(?P<m>{_MLIST})")
# Words that make the clause after a comma a request or a plan for its person: you, tomorrow, next week, "a bit",
# please, trouble you, in charge of, will, must, need
# (and "那边"/"的", the person's side or thing, which the news is about: "谢谢 <@A> 的修复，<@B> 那边的数据已经同步了")
_ZH_ASKING = re.compile("你|您|明天|下周|下週|一下|请|請|麻烦|麻煩|负责|負責|会|會|要|得|需要|吗|嗎|[?？]|那边|那邊|的")


def _zh_list_goes_on(low: str, ids: list[str], ce: int, end: int) -> list[str]:
    """The rest of a Chinese list of people thanked, each with what they did and no "for": "謝謝 <@A> 幫我寫 release
    notes，<@B> 半夜的 smoke test，還有 <@C> 的便當" — when a "還有" (and also) closes it; else the people after a comma
    may be asked something new ("謝謝 <@A>，<@B> 你明天看一下")."""
    closing = list(_ZH_AND_ALSO.finditer(low, ce, end))
    if not closing:
        # …or when what follows each comma only says what that person did: "感谢 <@A> 盯进度，<@B> 现场验证，<@C> 看
        # broker 🙏" (not "<@B> 你明天看一下", which asks)
        items = list(_ZH_LIST_ITEM.finditer(low, ce, end))
        if not items or _ZH_ASKING.search(low, items[0].start(), end):
            return []
        return [uid for m in items for uid in _mentions(m.group("m"), ids)]
    last = closing[-1]
    people = [uid for m in _ZH_LIST_ITEM.finditer(low, ce, last.start()) for uid in _mentions(m.group("m"), ids)]
    return [*people, *_mentions(last.group("m"), ids)]


# Who made something work, in the clause before a bare thanks: "<@A> bounced the ingress controller
# (ty!!)", "<@A>'s patch fixed it. thank you", "fixed by <@A>. thanks". Verbs of work done, not of talk
# ("<@A> asked about it. thanks" credits nobody).
_WORK_VERBS = (
    "fixed|solved|resolved|sorted|unblocked|nailed|saved|bounced|restarted|rebooted|redeployed|deployed|rolled back|"
    "reverted|patched|merged|reviewed|updated|upgraded|migrated|cleaned up|set up|tracked down|found|spotted|caught|"
    "debugged|reindexed|rebuilt|rewrote|wrote|added|built|shipped|bumped|rotated|renewed|reconfigured|configured|"
    "covered|handled|took care of|jumped on|stepped in|figured out|dug into|landed|documented|recovered|restored|"
    "repaired|cleared|tuned|optimi[sz]ed|refactored|automated|got it working|made it work|did the trick|"
    "shared|posted|sent|pushed|put together|wrote up|looked into|took over|picked up|answered|explained|walked \\w+ through|"
    "approved|pulled|ran|cut|prepared|organi[sz]ed|hosted|drafted|designed|tested|verified|reproduced|investigated|"
    "delivered|came through|pulled through|stepped up|went above and beyond|figured (?:it|that|this|\\w+) out|"
    # reports of effort: "<@A> stayed online until 3am to verify…", "<@C> and <@D> triaged 300+ reports"
    "stayed (?:up|online|late|on|behind|until)|held|kept|triaged|led|drove|carried|redid|redesigned|reworked|"
    "coordinated|hunted down|chased down|wrangled|crushed it|killed it|smashed it|rocked it|"
    "did (?:the|all|most|a|an)|validated|recruited|fed|served|tutored|volunteered|translated|proofread|raised|"
    # the same in Portuguese, Spanish, French, Italian, German: "a <@A> refez todos os ícones", "<@A> arregló…"
    "refez|fez|arrumou|consertou|corrigiu|resolveu|salvou|montou|criou|desenhou|segurou|"
    "refizeram|fizeram|arrumaram|consertaram|corrigiram|resolveram|salvaram|montaram|criaram|seguraram|"
    "arregló|hizo|rehízo|resolvió|corrigió|salvó|montó|armó|diseñó|"
    "arreglaron|hicieron|rehicieron|resolvieron|corrigieron|salvaron|montaron|armaron|diseñaron|"
    "(?:a|ont) (?:corrigé|réparé|refait|sauvé|résolu|géré)|(?:ha|hanno) (?:sistemato|risolto|rifatto|salvato)|"
    "(?:hat|haben) (?:\\w+ ){0,3}(?:gefixt|repariert|gelöst|gebaut|gerettet|umgebaut|neu gebaut)|"
    # Swedish, Polish, Russian, Turkish (verb last), Indonesian, Vietnamese, Greek
    "fixade|löste|lagade|räddade|byggde (?:om|upp)|ordnade|"
    "naprawił[aoy]?|naprawili|rozwiązał[aoy]?|rozwiązali|uratował[aoy]?|uratowali|przebudował[aoy]?|przebudowali|"
    "починил[аи]?|исправил[аи]?|решил[аи]?|спасл[аи]|спас|пересобрал[аи]?|"
    "(?:\\w+ ){0,4}(?:düzeltti|düzelttiler|çözdü|çözdüler|halletti|hallettiler|kurtardı|kurtardılar)|"
    "(?:sudah |telah )?(?:memperbaiki|menyelesaikan|menyelamatkan)|đã (?:sửa|giải quyết|fix|cứu)|"
    "διόρθωσ(?:ε|αν)|έλυσ(?:ε|αν)|έσωσ(?:ε|αν)"
)
# As a trie: the verbs are many, and a plain alternation would try each in turn after every mention.
_WORK_ALT = _alternation(_WORK_VERBS)
# After a possessive the subject is a thing ("<@A>'s script"): only verbs of success.
_SUCCESS_VERBS = "fixed|solved|resolved|sorted|unblocked|worked|did the trick|saved"
_ADVERB = "(?:(?:just|totally|finally|really|already|quickly|kindly|basically|literally|single-handedly|also|even) )?"
# Every alternative starts with a mention (the one credited: the match's first character) or "by"/"thanks
# to" (then group "b" is the mention). The pattern opens with a class of those first characters, which
# lets the engine jump from one to the next (a leading look-ahead would be tried at every position);
# look-behinds on it pick the alternative. For "fixed by <@A>" the verb before "by" is checked separately
# (_DONE_BEFORE).
_CREDITED = re.compile(
    rf"[{M[1:-1]}bt]"
    rf"(?:(?<={M})(?: {_ADVERB}{_WORK_ALT}\b|(?:'s?|’s?)(?: [^\W\d_][\w-]*){{1,3}} {_ADVERB}(?:{_SUCCESS_VERBS})\b)"
    rf"|(?<=\b[bt])(?:(?<=b)y|(?<=t)hanks to) (?P<b>{M}))"
)
_DONE_BEFORE = re.compile(rf"\b{_WORK_ALT} (?:it |this |that |the \w+ )?$")
# "couldn't have closed October without <@A>": only a "without" after a could-not-have credits anyone.
# Its own regex, run only when the message says "without": most never do.
_WITHOUT = re.compile(rf"\bwithout ({_MLIST_ROLES})")
_COULD_NOT_HAVE = re.compile(r"\b(?:couldn'?t|could not|wouldn'?t|would not|can'?t|cannot) have\b[^.!?\n]{0,60}$")
# "<@A> wow, you rebuilt the whole report": work done by the person the message addresses.
# Led by a character class so the engine skips to each "y"/"u" instead of trying every position.
# Not a mistake: "you sent the wrong invoice again".
_NOT_A_MISTAKE = r"(?![^.!?\n]{0,60}\b(?:wrong|by mistake|by accident)\b)"
_YOU_DID = re.compile(rf"[yu](?<![\w'’][yu])(?:(?<=y)ou|(?<=u)) {_ADVERB}{_WORK_ALT}\b{_NOT_A_MISTAKE}")


# The people of a list that ends right before a credited mention: "<@A> and <@B> rebuilt the bundle".
_LIST_BEFORE = re.compile(rf"(?:{M}(?:\s*(?:{_HONORIFIC}))?{_SEP})+$")
# "I told them it was <@A> and <@B>", "that was all <@A>": credit named after the fact.
_IT_WAS = re.compile(rf"\b(?:it|that) was (?:all )?(?P<m>{_MLIST})(?![\s,]*(?:who|that|'s)\b)")
# A sentence that opens with the people it praises (after a few words at most, such as a link): "<@A> the
# spline IK is magic", "<@B> the motion tests sold it", "test: <link> <@A> the direction was spot on".
# Led by the mention, so the engine skips from one to the next; _OPENER_GAP checks what comes before.
_OPENER_GAP = re.compile(rf"(?:^|[.!?\n:])[^{M[1:-1]}.!?\n]{{0,40}}$")
_OPENS_PRAISE = re.compile(
    rf"(?P<m>{_MLIST})[\s,:—–-]+(?:the|your|that|this|ur|they|these|those|it|its)\b[^.!?\n{M[1:-1]}]{{0,80}}?"
    rf"(?:\b(?:is|was|are|were) (?:pure |just |absolute |total )?magic|\bsold it|\bspot on|\bnailed it|"
    rf"\bkilled it|\b(?:is|was|are|were|looks?) (?:so |really |absolutely )?(?:amazing|incredible|fantastic|"
    rf"brilliant|perfect|gorgeous|beautiful|stunning|superb|outstanding|excellent|awesome))\b"
)


# Praise of people before a bare thanks, which then thanks them (led by literal words; run only when a bare thanks
# needs someone to credit).
_PRAISED_BEFORE = re.compile(
    r"\b(?:(?:good|great|nice|smart) (?:call|catch|thinking|work|job)|well done|(?:these|this|those|that) (?:are|is|was|were) "
    r"(?:great|amazing|perfect|awesome|fantastic|brilliant|excellent)|none of (?:this|it) (?:happens|would have happened|"
    r"happened|was possible|would be possible) without|(?:this|it|that) (?:is|was) (?:all )?because of)[\s,—–-]*$"
)
_PRAISED_YOUR = re.compile(
    rf"{M},? ?your\b[^.!?\n{M[1:-1]}]{{0,80}}\b(?:meant|saved|made|got|let|allowed|helped|kept|turned)\b"
)
_MLIST_AT = re.compile(_MLIST)
# A causal "thanks to" in the other languages: "Araç <@A> sayesinde…", "graças ao <@A>", "grâce à <@A>", "dankzij
# <@A>", "благодаря <@A>", "berkat <@A>", "nhờ có <@A>".
_SAYESINDE = re.compile(rf"({_MLIST}) sayesinde\b")
# A Turkish clause with the person as its subject and a past verb closing it (not "şimdi", now; "kendi", own; "dedi",
# said; "sordu", asked; "istedi", wanted), or "because they / you did": "-dığı / -diği / -duğu / -düğü (n) için"; not the
# person something was done for ("<@A> için").
_TR_DID = re.compile(
    rf"(?P<m>{_MLIST})(?:['’][^\W\d_]{{1,5}})?(?! için)(?: [^\s.!?,;:{M[1:-1]}]+){{0,7}}? "
    r"(?!(?:şimdi|kendi|haydi|dedi|sordu|istedi)\b)[^\W\d_]{2,}"
    # (the person's past, "you" included, not "I" or "we": "<@B> için rehber hazırladım" is the speaker's work for B)
    r"(?:(?:d|t)[ıiuü](?:lar|ler)?(?:n|n[ıiuü]z)?|m[ıiuü]ş(?:lar|ler)?|(?:d|t)[ıiuü]ğ[ıiuü]n? için)(?=[\s,.!…;:]|$)"
)


def _has_causal_word(low: str) -> bool:
    """A cheap test before _CAUSAL_TO: substring searches, several times faster than a regex of alternatives."""
    return (
        ("gr" in low and ("graças" in low or "gracas" in low or "grâce" in low or "grace" in low))
        or "dank" in low
        or "tack vare" in low
        or "berkat" in low
        or (
            not low.isascii()
            and ("благодаря" in low or "nhờ" in low or "χάρη" in low or "בזכות" in low or "بفضل" in low)
        )
    )


_CAUSAL_TO = re.compile(
    rf"\b(?:graças (?:a|ao|à|aos|às)|grâce (?:à|au|aux)|dankzij|tack vare|благодаря|berkat|nhờ(?: có)?|"
    rf"χάρη (?:σε|στον|στην|στο)|dank|בזכות|بفضل) ({_MLIST})"
)


# A schedule change told to the people addressed: the thanks closing it signs off a notice, not gratitude.
_RESCHEDULED = re.compile(
    r"\b(?:(?:stand-?up|meeting|call|sync|retro|demo|session|class|lunch|review|1:1|interview|training|deadline|"
    r"practice|rehearsal|workshop|kick-?off|huddle|planning)s? (?:is |has been |was |got |will be |now )?"
    r"(?:moved|rescheduled|postponed|cancell?ed|pushed|shifted|bumped)|verschoben|reprogramad[oa]|pospuest[oa]|"
    r"reportée?|décalée?|rinviat[oa]|spostat[oa] (?:a|alle)|verplaatst|uitgesteld|flyttad|przeniesion[ey]|"
    r"ertelendi|перенес[её]н[аоы]?|перенесли|diundur|αναβλήθηκε|μετατέθηκε|dời lại|hoãn lại|"
    # romanised Hindi future, verb last: "<@A> aur <@B> kal meeting mein aayenge, dhanyavaad"
    r"[a-z]+(?:enge|egi|ega|oge|ogi))\b"
)


# Work credited to people in any tense-marked way, for the thanks that reach back to them: "<@A> moved 38 boxes",
# "<@B> rebuilt the stage layout", "<@C> got the room turned in 15 min", "<@A>'s streaming setup and <@B>'s dessert
# station were…", "<@A> tradujo las 14 actualizaciones", "<@A> a géré les arrivées", "<@A> hat die Liste gebaut".
# A past verb (or a past participle after has/ha/hat/heeft…) right after the people credited, in each supported
# language; not future or assigned work ("<@A> leads the rollout next quarter", "<@A> will…", "<@A> to send…"),
# and not verbs of talk, plans or mishaps ("<@A> asked…", "<@A> planned…", "<@A> missed…"). Run per mention,
# only when a thanks needs the people credited before it.
_PAST_NOT = (
    # talk, and plans
    "asked|needed|wanted|mentioned|wondered|requested|suggested|proposed|noted|complained|replied|responded|commented|"
    "pinged|emailed|called|messaged|texted|tagged|said|told|thought|knew|heard|saw|felt|meant|claimed|stated|announced|"
    "seemed|used|supposed|planned|scheduled|expected|hoped|tried|agreed|promised|decided|preferred|voted|guessed|"
    "assumed|doubted|feared|worried|objected|disagreed|argued|refused|declined|denied|liked|loved|enjoyed|"
    "volunteered to|offered to|signed up|had to|got to|has to|have to|was|were|"
    "did (?:you|u|we|i|they|he|she|anyone|someone|somebody|anybody|everyone|y'all)|"
    # comings and goings, and mishaps
    "joined|visited|passed|died|retired|resigned|quit|transferred|married|graduated|arrived|returned|started|left|"
    "went|waited|slept|ate|stayed home|missed|failed|dropped|crashed|deleted|broke|lost|forgot|forgotten|ignored|"
    "skipped|blocked|wasted|messed|delayed|cancell?ed|postponed|rescheduled|looked|"
    # states, and words ending in "ed" that are no past
    "interested|excited|confused|concerned|annoyed|bored|surprised|pleased|based|named|related|located|included|"
    "involved|assigned|invited|cc'?ed|need|indeed|seed|speed|feed|bled|fled|shed|red|bed|wed|led to|ended|owned|owed"
)
_PAST_IRREGULAR = (
    "made|got|took|ran|built|rebuilt|wrote|rewrote|found|caught|did|redid|led|kept|held|brought|bought|sent|put|sat|"
    "gave|set|cut|fed|flew|came|drove|stood|taught|dug|paid|won|spent|sold|dealt|drew|fought|rode|swept|shot|hung|"
    "lent|lit|spun|sewed|bore|beat|overcame|had|stuck|shook|tore|upheld|withstood|remade|undertook|oversaw|"
    "done|made|taken|written|rewritten|given|run|built|found|kept|held|brought|sent|put|set|gotten|driven|won|"
    "drawn|dealt|shown|grown|known how"
)
_PAST_ADVERB_WORDS = (
    "just|also|even|finally|single-handedly|singlehandedly|basically|literally|quietly|already|then|personally|"
    "heroically|somehow|really|actually|totally|completely|successfully|quickly|calmly|patiently|once again|again|"
    "immediately|instantly|graciously|kindly|all|both|alone|herself|himself|themselves|once"
)
_PAST_ADVERBS = f"(?:{_alternation(_PAST_ADVERB_WORDS)} )*"
# As tries: tried at the word after every mention of a message whose thanks needs the people credited.
_PAST_NOT_ALT = _alternation(_PAST_NOT)
_PAST_IRREGULAR_ALT = _alternation(_PAST_IRREGULAR)
# The people, then "and her brigade" / "with the night team", a role in brackets, or an honorific.
_PAST_SUBJECT_TAIL = rf"(?:(?:{_HONORIFIC}))?(?: \([^()\n]{{1,60}}\))?(?: (?:and|&|\+|with|plus) (?:her|his|their|the|our|my|your) [\w-]+(?: [\w-]+){{0,2}})?"
_PAST_EN = (
    rf" {_PAST_ADVERBS}(?:(?:has|have|had) {_PAST_ADVERBS})?(?!{_PAST_NOT_ALT}\b)(?:[a-z]{{2,}}ed|{_PAST_IRREGULAR_ALT})\b"
    # praise of the person: "<@A> was SO helpful", "<@A> has been a rock", "<@A> were amazing"
    r"| (?:was|were|has been|have been|is|are) (?:(?:so|really|absolutely|just|super|incredibly|truly|such|an?|"
    r"the|amazingly|extremely|very) )*(?:helpful|amazing|incredible|fantastic|brilliant|awesome|great|a star|stars|"
    r"a rock|rocks|a hero|heroes|a legend|legends|a lifesaver|lifesavers|a machine|on fire|unstoppable|clutch|"
    r"superb|outstanding|excellent|wonderful|phenomenal|a huge help|a big help|a great help|so patient|patient|"
    r"generous|magic|the mvp|mvps?|a champ|champs|spot on)\b"
    # the same praise elsewhere: "trabajar con <@A> fue un lujo", "<@A> a été génial", "<@A> war eine große Hilfe"
    r"| (?:fue|fueron|ha sido|han sido|a été|ont été|était|war|waren|ist|sind|foi|foram|é|è stat[oaie]|sono stati|"
    r"was|waren|is) (?:(?:un|una|une|eine|ein|um|uma|een|muy|tan|très|super|sehr|so|muito|molto|erg|echt|de) )*"
    r"(?:lujo|increíble|genial|grande|crack|sol|gran ayuda|génial|géniale|formidable|incroyable|top|une aide précieuse|"
    r"großartig|klasse|spitze|große hilfe|riesige hilfe|incrível|demais|fantástic[oa]|fantastic[oa]|bravissim[oa]|"
    r"geweldig|topper|grote hulp|fantastisch|ótim[oa]|ottim[oa]|preciosa?|mágic[oa])\b"
)
# Spanish, Portuguese, French, Italian, German, Dutch, Polish, Russian, Turkish, Indonesian, Vietnamese.
_PAST_OTHER = (
    r" (?:(?:también|tambien|también|ya|também|já|aussi|déjà|anche|già|auch|schon|ook|al|też|też|тоже|уже|"
    r"de|da|bizzat) )?(?:"
    r"(?!(?:preguntó|pregunto|dijo|pidió|pidio|mencionó|comentó|faltó|olvidó|rompió|borró|falló|llegó|perguntou|"
    r"pediu|falou|disse|esqueceu|quebrou|perdeu|faltou|sumiu|ligou|comentou|mencionou|chegou|ficou|achou)\b)"
    r"[^\W\d_]{2,}(?:ó|aron|ieron|ujo|ujeron|ou|eu|iu|aram|eram|iram)"
    r"|hizo|hicieron|rehízo|puso|pusieron|trajo|trajeron|tuvo|tuvieron|dio|dieron|fez|fizeram|refez|trouxe|"
    r"trouxeram|deu|deram|pôs"
    r"|(?:ha|han|hemos|tem|têm) (?!(?:preguntado|dicho|pedido|olvidado|roto|perdido|chiesto|detto|dimenticato|rotto|"
    r"perso|perguntado|pedido|esquecido)\b)[^\W\d_]+(?:ado|ido|cho|to)"
    r"|(?:a|ont|avait|avaient) (?:(?:tout|bien|encore|vraiment|super|même|seule?|seuls) )?"
    r"(?:(?!(?:demandé|oublié|cassé|raté|manqué|annulé|signalé)\b)[^\W\d_]+(?:é|ée|és|ées)|fait|refait|pris|mis|écrit|"
    r"construit|reconstruit|conduit|produit|traduit|ouvert|offert|couvert|tenu|obtenu|résolu|réussi|fini|choisi|"
    r"rempli|servi|accueilli)"
    r"|(?:ha|hanno) (?:(?:tutto|davvero|appena|da sol[oa]) )?(?!(?:chiesto|detto|dimenticato|rotto|perso)\b)"
    r"[^\W\d_]+(?:ato|uto|ito|tto|sso|sto)"
    # (the participle ends the clause, far from the verb: "<@A> heeft de hele testset van 12.000 berichten gebouwd",
    # "<@B> heeft om 2 uur 's nachts de certificaten vervangen")
    r"|(?:hat|haben|heeft|hebben) (?:[^\s!?]*[^\s.!?,] ){0,14}?(?!(?:gefragt|gesagt|vergessen|gebrochen|verloren|gelöscht|"
    r"gevraagd|gezegd|vergeten|gebroken|verwijderd|gemeld|bestellt|besteld)\b)"
    r"(?:(?:[^\W\d_]{1,5})?ge[^\W\d_]+(?:t|en|d)|[^\W\d_]+(?:iert|eerd)|(?:ver|be|ont|her|er|zer)[^\W\d_]{3,}(?:en|d|t))"
    r"|(?!(?:zapytał|zapytała|powiedział|powiedziała|pytał|pytała|спросил|спросила|сказал|сказала)\b)"
    r"[^\W\d_]{2,}(?:ł|ła|ło|ły|[aeiy]li|л|ла|ли)"
    r"|[\u0370-\u03ff]{3,}(?:ε|αν)"  # Greek aorist: "έφτιαξε", "έφτιαξαν", "διόρθωσε"
    r"|(?:sudah|telah|udah) [^\W\d_]+|đã [^\W\d_]+"
    r")\b"
)
# Chinese, Japanese, Korean: the credited person, then a verb in the past within the clause.
_PAST_CJK = (
    r"\s*(?:さん|様|さま|くん|ちゃん|先生|님|씨)?\s*(?:が|は|이|가|께서)?[^\n。！!？?.\U000f0000-\U000ffffd]{0,40}?"
    r"(?:ました|てくれた|でくれた|しました|了|했어요|했습니다|했다|주셨|줬어|셨어요|셨습니다)"
)
_PAST_AFTER = re.compile(rf"{_PAST_SUBJECT_TAIL}(?:{_PAST_EN}|{_PAST_OTHER})")
# The first word after the people decides most cases before _PAST_AFTER is tried: a past ending, or a word that may
# open a past clause (an irregular past, an adverb, an auxiliary, "and her team…").
_PAST_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")
# The words that may join a list of people (_SEP): after a mention, only these need the list read.
_LIST_JOINERS = frozenset([*_JOIN.split("|"), *_AND_LINK.split("|"), "as", "along", "well"])
_PAST_ENDING_WORDS = "ed ó ò aron ieron ujo ujeron ou eu iu aram eram iram ł ła ło ły li л ла ли ε αν"
_PAST_ENDINGS = tuple(_PAST_ENDING_WORDS.split())
_PAST_OPENERS = frozenset(
    "|".join(
        (
            _PAST_IRREGULAR,
            _PAST_ADVERB_WORDS,
            "has|have|had|was|were|is|are|and|with|plus|also|ha|han|hemos|tem|têm|a|ont|avait|avaient|hanno|hat|haben|"
            "heeft|hebben|sudah|telah|udah|đã|hizo|hicieron|rehízo|puso|pusieron|trajo|trajeron|tuvo|tuvieron|dio|dieron|"
            "fez|fizeram|refez|trouxe|trouxeram|deu|deram|pôs|también|tambien|ya|também|já|aussi|déjà|anche|già|auch|"
            "schon|ook|al|też|тоже|уже|de|da|bizzat|fue|fueron|sido|été|était|war|waren|ist|sind|foi|foram|é|è|sono",
        )
    ).split("|")
)
_PAST_AFTER_CJK = re.compile(_PAST_CJK)
# What the person right after a thanks emoji did: ":bow: <@A> the new demux pipeline cut turnaround from 6h to 40 min",
# ":pray: <@A> you fixed it" — not the author's own work (":pray: <@A> I updated the doc"), a mishap (":pray: <@A>
# the build failed again") or a report (":pray: <@A> the logs showed a spike").
_CREDIT_NEXT = re.compile(
    rf"[\s,:!—–-]*(?:(?:the|your|that|this|ur|their|his|her|our|my|you|u) )?"
    rf"(?:(?!(?:i|we|they|he|she|it|someone|nobody|i've|we've|i'm|we're|i'd)\b)[^\W_][\w'’-]* ){{0,3}}?"
    rf"(?!{_PAST_NOT_ALT}\b|(?:showed|stopped|spiked|died|hung|froze|timed|jumped|doubled|tripled|started)\b)"
    rf"(?:[a-z]{{2,}}ed|{_PAST_IRREGULAR_ALT})\b{_NOT_A_MISTAKE}(?![^.!?\n]{{0,80}}\b{_NEG})"
)


def _ends(pattern: re.Pattern[str], low: str) -> list[int]:
    """Where each match of `pattern` in `low` ends: found once per message and bisected, rather than searched from the
    start for every cue — which made a message of thousands of thanks quadratic."""
    return [m.end() for m in pattern.finditer(low)]


# Something the person addressed did: "I saw you came in on Sunday", "I know you put my name forward" (not "you sent
# the wrong file"). Led by the "y"/"u" of the pronoun, like _YOU_DID.
_YOU_PAST = re.compile(
    # ("you both over-prepared", "you two re-ran it")
    rf"[yu](?<![\w'’][yu])(?:(?<=y)ou|(?<=u))(?: both| two| all| guys)?(?:'ve| have)? {_PAST_ADVERBS}(?!{_PAST_NOT_ALT}\b)"
    rf"(?:(?:over|re|double|pre)-)?(?:[a-z]{{2,}}ed|{_PAST_IRREGULAR_ALT})\b{_NOT_A_MISTAKE}"
    # the same in Spanish ("viniste", "arreglaste"), Portuguese ("você arrumou"), French ("tu as rangé"), German ("du
    # hast … aufgeräumt"), Dutch ("je hebt … opgeruimd"), Italian ("hai sistemato")
    r"|\b(?!(?:olvidaste|perdiste|rompiste|preguntaste|dijiste|pediste)\b)[^\W\d_]{3,}(?:aste|iste)\b"
    r"|\b(?:você|voce|vc) (?:[^\W\d_]+ ){0,2}?(?!(?:perguntou|esqueceu|quebrou|perdeu|pediu)\b)[^\W\d_]{2,}(?:ou|eu|iu)\b"
    r"|\b(?:tu as|t'as|vous avez) (?:[^\W\d_]+ ){0,2}?(?!(?:oublié|demandé|cassé|perdu|dit)\b)"
    r"[^\W\d_]+(?:é|ée|és|i|is|it|u)\b"
    r"|\b(?:du|ihr|je|jij|jullie) (?:[^\W\d_]+ ){0,5}?(?:(?P<aux>hast|habt|hebt|hebben) )?"
    r"(?!(?:gefragt|gesagt|vergessen|gevraagd|gezegd|vergeten)\b)(?:[^\W\d_]{1,5})?ge[^\W\d_]+(?:t|en|d)\b"
    r"(?(aux)| (?:hast|habt|hebt|hebben)\b)"
    r"|\b(?:hai|avete) (?:[^\W\d_]+ ){0,2}?(?!(?:chiesto|detto|dimenticato|rotto|perso)\b)[^\W\d_]+(?:ato|uto|ito|tto)\b"
    # what they have been doing: "you've been carrying the whole launch solo" (not "you've been ignoring my DMs")
    r"|\b(?:you|u)(?:'ve|’ve| have) been (?!(?:ignoring|breaking|spamming|blocking|avoiding|ghosting|missing|asking|"
    r"complaining|pinging|nagging|hiding)\b)[a-z]{2,}ing\b"
)
# "<@A>'s streaming setup and <@B>'s dessert station were the two things every guest mentioned", "<@A>'s live blog
# had 64 updates": the person's work as the subject of a past verb or of praise (not a mishap: "…'s flight was late").
_POSSESSIVE_PAST = re.compile(
    rf"['’]s(?: [\w-]+){{1,4}}?(?P<more>(?:,? (?:and|&) {M}['’]s(?: [\w-]+){{1,4}}?)*)"
    rf" (?:{_PAST_ADVERBS}(?!{_PAST_NOT_ALT}\b)(?:[a-z]{{2,}}ed|{_PAST_IRREGULAR_ALT})\b|(?:was|were) (?!(?:late|delayed|"
    rf"cancell?ed|broken|down|wrong|missing|stolen|out|off|sick|lost|empty|stuck|not|never|a (?:mess|disaster))\b))"
)
# Turkish puts the verb last: "<@A> eğitim videolarını hazırladı". Only for text with Turkish letters, as "-di"/"-ti"
# end words elsewhere ("tutti", "spaghetti").
_PAST_TR = re.compile(
    r" (?:[^\W\d_]+ ){0,5}?(?!(?:dedi|sordu|istedi|unuttu|bozdu|geldi|gitti)\b)[^\W\d_]{2,}(?:dı|di|du|dü|tı|ti|tu|tü)"
    r"(?:lar|ler)?\b"
)


class _Credits:
    """Every credit in a message ("<@A> bounced the ingress", "<@A>'s patch fixed it", "fixed by <@A>"),
    found in one pass when first needed, so many cues cost one bisect each, not one scan each."""

    __slots__ = ("items", "low", "read", "starts")

    def __init__(self, low: str) -> None:
        self.items: list[tuple[int, int, str]] = []
        for m in _CREDITED.finditer(low):
            who = _who_credited(low, m)
            if who:
                if (
                    m.group("b") is None
                    # a mention just before (a cheap test) before the list regex, which tries every position
                    and _MENTION_RE.search(low, max(0, m.start() - 20), m.start())
                    and (lst := _LIST_BEFORE.search(low, max(0, m.start() - 300), m.start()))
                ):
                    # "<@A>, <@B> and <@C> held the servers together": each of the list is credited
                    self.items.extend((m.start(), m.end(), c) for c in _MENTION_RE.findall(lst.group()))
                self.items.append((m.start(), m.end(), who))
        if "it was " in low or "that was " in low:
            self.items.extend(
                (m.start(), m.end(), c) for m in _IT_WAS.finditer(low) for c in _MENTION_RE.findall(m.group("m"))
            )
        for m in _OPENS_PRAISE.finditer(low):
            s = m.start()
            if (s == 0 or not (low[s - 1].isalnum() or low[s - 1] == "_")) and _OPENER_GAP.search(
                low, max(0, s - 41), s
            ):
                self.items.extend((s, m.end(), c) for c in _MENTION_RE.findall(m.group("m")))
        # "good call <@A> on the rollback, it just saved us. thank you!", "None of this happens without <@A>,
        # who…", "This is because of <@A> and <@B>'s work", "<@A>, your quick turnaround meant…": tested at each
        # mention (a message has few), not searched for through the whole text.
        for m in _MENTION_RE.finditer(low):
            p = m.start()
            if p and _PRAISED_BEFORE.search(low, max(0, p - 60), p):
                lst = _MLIST_AT.match(low, p)
                assert lst is not None
                self.items.extend((p, lst.end(), c) for c in _MENTION_RE.findall(lst.group()))
            elif "your" in low[p + 1 : p + 7] and _PRAISED_YOUR.match(low, p):
                self.items.append((p, p + 1, m.group()))
        # "Araç <@A> sayesinde 2 saatte çıktı", "graças ao <@A> o build passou", "grâce à <@A>", "dankzij <@A>",
        # "благодаря <@A>", "berkat <@A>", "nhờ có <@A>": a causal "thanks to" in the other languages, credit for
        # what came of it (a thanks after it thanks them).
        if "ı" in low or "ş" in low or "ğ" in low or "ü" in low:
            # Turkish puts the verb last, in the past for work done: "<@A> local env kurulumunda 1 saat benimle
            # uğraştı, çok teşekkür ederim", "<@A> figma'yı güncellemiş sağolsun", "<@A> gzip eklediği için … teşekkür
            # ederim" (because A added gzip)
            self.items.extend(
                (m.start(), m.end(), c) for m in _TR_DID.finditer(low) for c in _MENTION_RE.findall(m.group("m"))
            )
        if "sayesinde" in low:
            self.items.extend(
                (m.start(), m.end(), c) for m in _SAYESINDE.finditer(low) for c in _MENTION_RE.findall(m.group(1))
            )
        if _has_causal_word(low):
            self.items.extend(
                (m.start(), m.end(), c) for m in _CAUSAL_TO.finditer(low) for c in _MENTION_RE.findall(m.group(1))
            )
        if "\n" in low and _CREDIT_HEADING.search(low):
            self.items.extend(_credited_under_heading(low))
        if "without" in low:
            # "…without <@A> (guide design) and <@B> (colony picking)": each of the list
            self.items.extend(
                (m.start(), m.end(), c)
                for m in _WITHOUT.finditer(low)
                if _COULD_NOT_HAVE.search(low, max(0, m.start() - 80), m.start())
                for c in _MENTION_RE.findall(m.group(1))
            )
        self.items.sort()
        self.starts = [start for start, _, _ in self.items]
        self.low = low
        self.read: tuple[int, int] | None = None  # the stretch whose mentions read_past has read

    def read_past(self, lo: int, hi: int) -> None:
        """Add the work credited with any past verb or praise to the mentions from lo to hi ("<@A> moved 38 boxes",
        "<@A> and her brigade served 240 guests", "<@A>'s live blog had 64 updates"; see _PAST_AFTER). Read only
        for the stretch a thanks looks back over, once: a long status message has many mentions."""
        read = self.read
        if read is not None and read[0] <= lo and hi <= read[1]:
            return
        stretches = [(lo, hi)] if read is None else [(lo, read[0]), (read[1], hi)]
        self.read = (lo, hi) if read is None else (min(lo, read[0]), max(hi, read[1]))
        low = self.low
        other = not low.isascii()
        turkish = other and ("ı" in low or "ş" in low or "ğ" in low)
        found: list[tuple[int, int, str]] = []
        for a, b in stretches:
            end = -1
            for m in _MENTION_RE.finditer(low, a, b):
                p = m.start()
                if p < end:
                    continue  # inside a list already read
                w = _PAST_WORD.match(low, p + 1)
                if w and w.group(1) not in _LIST_JOINERS:
                    lst, end = m, p + 1  # the commonest case, a mention and a word: no list to read
                else:
                    lst = _MLIST_AT.match(low, p) or m  # (it always matches at a mention)
                    end = lst.end()
                    w = _PAST_WORD.match(low, end)
                if w and not turkish and not ((word := w.group(1)) in _PAST_OPENERS or word.endswith(_PAST_ENDINGS)):
                    continue  # "<@A> can you…", "<@A> will…", "<@A> leads…": no past clause
                if (
                    _PAST_AFTER.match(low, end)
                    or (other and _PAST_AFTER_CJK.match(low, end))
                    or (turkish and _PAST_TR.match(low, end))
                ):
                    found.extend((p, end, c) for c in _MENTION_RE.findall(lst.group()))
                elif low.startswith(("'s", "’s"), p + 1) and (pm := _POSSESSIVE_PAST.match(low, p + 1)):
                    found.extend((p, pm.end(), c) for c in [m.group(), *_MENTION_RE.findall(pm.group("more"))])
        if found:
            self.items.extend(found)
            self.items.sort()
            self.starts = [start for start, _, _ in self.items]

    def people(self, lo: int, hi: int, reqs: list[int], sole: bool, past: bool) -> list[str]:
        """The people credited between lo and hi, each unless something was asked after their credit;
        with `sole`, only when that is one person; with `past`, credits by any past verb count too."""
        if past:
            self.read_past(lo, hi)
        if not self.items:
            return []
        window = [c for c in self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)] if c[1] <= hi]
        if reqs:
            n_req = bisect_right(reqs, hi)
            window = [c for c in window if n_req == bisect_left(reqs, c[0])]
        who = list(dict.fromkeys(c[2] for c in window))
        return who if not sole or len(who) == 1 else []


# A heading over the people a recap credits: "*What went well*", "People who made it happen:", "Shout-outs 🎉", "I want
# to call out a few people specifically:" — and the headings that end such a section: "*What didn't*", "*Actions*",
# "Coming up", "Next week:".
_CREDIT_HEADING_WORDS = (
    r"went well|go well|went right|wins|highlights|shout[- ]?outs?|kudos|props|call(?:ing)? out|made (?:it|this) happen|"
    r"team sport|team effort|group effort|joint effort|teamwork|"
    r"credits?|mvps?|heroes|what worked|lo que (?:salió|funcionó) bien|qué salió bien|ce qui a (?:bien )?marché|"
    r"was gut lief|wat ging goed|o que (?:correu|deu) (?:bem|certo)|cosa è andat[oa] bene|agradecimientos|"
    r"remerciements|reconhecimentos?|destaques?"
)
# (the first of them head action items, whose people own work still to do: _only_assigned)
_ACTION_ITEM_WORDS = (
    r"actions?|action items|next steps|to ?do|todos|follow[- ]ups?|still to do|액션\s?아이템|アクションアイテム|待办|行动项|"
    r"próximos pass?os|prochaines étapes|nächste schritte"
)
_TODO_HEADING = re.compile(
    rf"\b(?:{_ACTION_ITEM_WORDS}|coming up|next week|owners|what we'll change|what we will change|what didn't|"
    r"didn't go well|what went wrong|in progress|known issues|risks|blockers|agenda|schedule|rota|assignments|plan for)\b"
)
_ACTION_ITEMS_HEADING = re.compile(rf"\b(?:{_ACTION_ITEM_WORDS})\b")
_CREDIT_HEADING = re.compile(rf"\b(?:{_CREDIT_HEADING_WORDS})\b")
# A line that heads a section (its bold markers are gone by now): short, with no one named, not a sentence ended
# by its punctuation (an emoji may follow).
_HEADING_LINE = re.compile(rf"[ \t]*(?:#+ )?[^\W\d_](?:(?![.!?])[^\n{M[1:-1]}]){{1,59}}(?<![.!?,;])[ \t{EMO}{TYE}]*$")


def _credited_under_heading(low: str) -> list[tuple[int, int, str]]:
    """The people named in the lines under a heading that credits them ("*What went well*\n• <@A> had the downtime
    message out in 10 minutes\n• the cutover (<@B>, <@C>)"), up to the next heading — not a line that asks them
    something or gives them work ("<@D> will add alerting")."""
    found: list[tuple[int, int, str]] = []
    crediting = False
    start = 0
    n = len(low)
    while start < n:
        end = low.find("\n", start)
        end = n if end == -1 else end
        if _HEADING_LINE.match(low, start, end):
            crediting = _CREDIT_HEADING.search(low, start, end) is not None
        elif crediting and (
            _MENTION_RE.search(low, start, end) is not None
            and not _ASSIGNED.search(low, start, end)
            and "?" not in low[start:end]
        ):
            found.extend((m.start(), m.end(), m.group()) for m in _MENTION_RE.finditer(low, start, end))
        start = end + 1
    return found


def _who_credited(low: str, m: re.Match[str]) -> str | None:
    """The mention a _CREDITED match credits, or None for a "by <@A>" with no work verb before it."""
    b = m.group("b")
    if b is None:
        return m.group()[0]
    if not _DONE_BEFORE.search(low, max(0, m.start() - 40), m.start()):
        return None
    return b


# A thanks that names its one person by first name: "And thank you Arjun — if you hadn't…", "muito obrigado Dahye".
_NAME_AFTER = re.compile(r"(?: (?:so much|very much|again|demais))? [A-Z][a-z]+(?:$|[\s,.!—–-])")


# A thanks addressed to several people at once, and how many it says when it does: "thank you all three",
# "thank you both", "I am so grateful to each of you", "couldn't have pulled it off without you three. Merci",
# "…naming all three of you. Thank you", "Marco, Felix — thank you".
_NUMBERS = (
    ("both two 2 deux dos dois duas beiden beide due twee båda obu obojgu ikinize обоим", 2),
    ("three 3 trois tres três drei tre drie trzem üçünüze троим", 3),
    ("four 4 quatre cuatro quatro vier quattro fyra", 4),
    ("five 5 cinq cinco fünf cinque vijf", 5),
    ("six 6", 6),
)
_NUMBER_WORDS = {word: n for words, n in _NUMBERS for word in words.split()}
_COUNT_RE = re.compile(rf"\b(?:{_alternation('|'.join(_NUMBER_WORDS))})\b")
_EACH_OF_YOU = (
    # English
    "each of you|each one of you|every one of you|every single one of you|each and every one of you|all of you|"
    "both of you|all (?:two|three|four|five|six)(?: of you)?|the (?:two|three|four|five|six) of you|"
    "you (?:all|both|two|three|four|five|six|guys|folks|lot)|u (?:all|both|guys)|y'all|"
    # French, Spanish, Portuguese, German, Dutch, Italian, Swedish, Polish, Turkish, Russian
    "vous (?:tous|toutes|deux|trois)|à vous (?:tous|toutes|deux|trois)|a vous (?:tous|deux|trois)|"
    "chacune? d'entre vous|à chacun(?:e)?|à tous|a todos|a todas|a cada un[oa]|todos (?:ustedes|vosotros)|"
    "a (?:los|las) (?:dos|tres)|a todos (?:vocês|voces)|todos (?:vocês|voces)|(?:vocês|voces) todos|a cada uma?|"
    "aos (?:dois|três)|às (?:duas|três)|euch (?:allen|beiden|dreien)|ihnen (?:allen|beiden)|jede[mr]? (?:einzelnen )?von euch|"
    "jullie (?:allemaal|allen|alle|allebei|drieën)|ieder(?:een)? van jullie|a tutti voi|tutti voi|a ciascuno di voi|"
    "ognuno di voi|tutti e (?:due|tre)|a tutti e (?:due|tre)|(?:er|ni) (?:alla|båda|tre)|var och en av er|"
    "wam (?:wszystkim|obu|trzem)|każdemu z was|her birinize|hepinize|ikinize|üçünüze|ikisine de|üçüne de|"
    "вам (?:всем|обоим|троим)|всем вам|каждому из вас|обоим|троим"
)
# The end of a word in the scripts that space words (Chinese, Japanese and Korean phrases run on: "お二人とも").
_SPACED_WORD_END = "(?![a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])"
_EACH_OF_YOU_NOSPACE = "皆さん|みなさん|みんな|お二人|三人とも|各位|大家|你们|你們|여러분|모두|두 분|세 분"
# After the thanks, "both"/"all" alone say it too ("thank you both", "merci à tous les trois").
_TOGETHER_AFTER = re.compile(
    rf"[\s,:;!.…—–-]*(?:{_alternation('so much|very much|again|genuinely|sincerely|to|a|à|aan|an|till|til|dla|ao|al|ai')}\s+){{0,2}}"
    # (and a bare number after "thank you": "Thank you three for carrying the team")
    rf"(?P<c>{_alternation(_EACH_OF_YOU + '|' + _BOTH_WORDS + '|' + _EACH_OF_YOU_NOSPACE + '|two|three|four|five|six')})"
    rf"{_SPACED_WORD_END}"
)
# Cheap tests before _TOGETHER_BEFORE searches a sentence: one of these is in every phrase it finds in ASCII text.
_TOGETHER_HINT_WORDS = (
    "you|u all|u both|u guys|vous|todos|todas|cada|voces|euch|ihnen|jullie|voi|tutti|alla|ni tre|er tre|av er|wam|z was|"
    "birinize|hepinize|ikinize"
)
_TOGETHER_HINTS = tuple(_TOGETHER_HINT_WORDS.split("|"))
# Led by the phrases' first characters (no look-behind), so the engine skips ahead to each candidate; the word
# start is checked after.
_TOGETHER_BEFORE = re.compile(rf"{_alternation(_EACH_OF_YOU + '|' + _EACH_OF_YOU_NOSPACE)}{_SPACED_WORD_END}")
# The group thanked for coming or for their patience is the audience, not the people credited in the notes.
_AUDIENCE_REASON = re.compile(
    r"[^\n.!?]{0,20}?\b(?:for|por|pour|für|per|voor) (?:your |the |all (?:the |your )?|vos |tu |vuestra |su |eure |"
    r"jullie |la |il |le |die |de )?(?:joining|coming|attending|being here|showing up|participating|tuning in|listening|patience|"
    r"understanding|birthday|wishes|kind words|congratulations|messages|well[- ]wishes|paciencia|patience|venir|"
    r"kommen|geduld|pazienza|komst)\b"
)
# First names typed right before a thanks: "Marco, Felix — thank you", "Rafa, thank you, seriously", "Ahmed, you're a
# hero". Not the words that open sentences ("Seriously, thank you", "Team, thanks").
_NAMES_BEFORE = re.compile(
    r"[\s(]*(?P<n>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'][A-Za-zà-öø-ÿ]+)?(?:\s*(?:,|&|\band\b|\by\b|\bet\b|\bund\b|\be\b|"
    r"\ben\b|\bve\b|\bi\b)\s*[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'][A-Za-zà-öø-ÿ]+)?){0,4})\s*[,—–:;!-]+\s*$"
)
_NOT_NAME_WORDS = """
    seriously honestly again also and so anyway anyways really truly genuinely well okay ok guys team folks everyone
    everybody all finally lastly overall hey hi hello oh wow omg yes yeah yep great perfect awesome amazing nice cool
    sweet lol haha sorry please today tonight yesterday once big huge many much just thanks thank cheers merci gracias
    danke grazie obrigado obrigada btw plus but still now then first second third last friends mate bro dude boss sir
    madam man ladies gentlemen fam crew people chef both you dear good right true absolutely totally definitely
    literally whoa yay hooray bravo kudos congrats congratulations legend legends hero heroes done fixed confirmed update
    note ps fyi edit sincerely warmly best regards love hugs deeply forever always very such what bueno pues vale bon
    alors bref enfin na echt nou tak nah hocam abi ja si sí oui yo hola ciao hallo salut cześć merhaba привет amazing
    incredible brilliant fantastic excellent outstanding superb beautiful lovely same indeed agreed exactly yup sure
    alright anyway aww awww ahh ah uh um hmm ugh phew whew gosh man woah nope no not never everyone y'all"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


# First names typed right after a thanks, two or more: "Huge thanks to Dmitri, Jiwoo, Omar, Wei and Camila.", "tack,
# tack, tack. Piotr, Annika, Tomasz — you made our patients safer."
_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'][A-Za-zà-öø-ÿ]+)?"
_NAME_JOINER_WORDS = "and|y|et|und|e|en|ve|i|og|och|và|dan"
_NAME_JOINERS = frozenset(_NAME_JOINER_WORDS.split("|"))
_NAMES_AFTER = re.compile(
    rf"(?:\s+(?:so much|very much|again|too))?(?:\s+(?:to|a|à|an|aan|till))?[\s,:.!—–-]+"
    rf"(?P<n>{_NAME}(?:\s*(?:,|&|\b(?:{_NAME_JOINER_WORDS})\b)\s*{_NAME}){{1,8}})\s*(?:[—–:!.,;-]|$|{_FOR}\b)"
)
# A thanks word that is itself addressed to several: Dutch "dank jullie wel", German "danke euch", "merci à vous",
# Vietnamese "cảm ơn mọi người / anh chị", Thai "ขอบคุณทุกคน".
_PLURAL_CUE = re.compile(r"jullie|euch|\bvous\b|ustedes|vocês|mọi người|anh chị|ทุกคน")


def _together(
    low: str,
    norm: str,
    cue: _Cue,
    ss: int,
    se: int,
    sent_starts: list[int],
    si: int,
    targets: list[str],
    reason: str | None,
    group: bool,
    several: bool,
) -> int | None:
    """Whether the thanks at `cue` is addressed to several people at once: None if not, else how many it names
    (0 when it does not say; -k after k typed first names). `several`: the message mentions two people or more."""
    _, cs, ce = cue
    if several:  # the people credited together are at least two
        if group and not _AUDIENCE_REASON.match(low, ce):
            c = _COUNT_RE.search(low, ce, min(se, ce + 30))
            return _NUMBER_WORDS.get(c.group(), 0) if c else 0
        t = _TOGETHER_AFTER.match(low, ce, se)
        if t:
            c = _COUNT_RE.search(t.group("c"))
            return _NUMBER_WORDS.get(c.group(), 0) if c else 0
        if not targets and _PLURAL_CUE.search(low, cs, ce):
            return 0  # "Dank jullie wel, echt.", "danke euch", "cảm ơn mọi người": the thanks itself says "you all"
        names = _NAMES_AFTER.match(norm, ce, min(len(norm), ce + 120))
        if not targets and names:
            found = [w for w in re.findall(r"[^\W\d_][\w'-]*", names.group("n")) if w.lower() not in _NAME_JOINERS]
            if len(found) >= 2 and not any(w.lower() in _NOT_NAMES for w in found):
                return -len(found)  # "Thanks again to Kwame, Yossi and Noa", "tack, tack. Piotr, Annika, Tomasz — you…"
    if targets or reason or cs - ss > 40:
        return None  # only a thanks opening its sentence ("…all three of you. Thank you"), or after typed names
    lo = max(sent_starts[max(0, si - 1)], cs - _VIEW)
    if several and (not low.isascii() or any(hint in low[lo:ce] for hint in _TOGETHER_HINTS)):
        # up to the cue's end: the cue may say it ("You three are the best")
        t = _TOGETHER_BEFORE.search(low, lo, ce)
        while t and t.start() and (low[t.start() - 1].isalnum() or low[t.start() - 1] in "_'"):
            t = _TOGETHER_BEFORE.search(low, t.start() + 1, ce)
        if t:
            c = _COUNT_RE.search(t.group())
            return _NUMBER_WORDS.get(c.group(), 0) if c else 0
    if cs > ss and norm[ss:cs].strip()[:1].isupper():
        names = _NAMES_BEFORE.fullmatch(norm, ss, cs)
        if names:
            found = re.findall(r"[^\W\d_][\w'-]*", names.group("n"))
            found = [w for w in found if w.lower() not in ("and", "y", "et", "und", "e", "en", "ve", "i")]
            if found and not any(w.lower() in _NOT_NAMES for w in found):
                return -len(found)  # negative: typed names, one person each
    return None


def _credited_together(
    low: str, ids: list[str], cs: int, sent_starts: list[int], reqs: list[int], credits: _Credits, count: int
) -> list[str]:
    """The people credited with work done before a thanks addressed to several (`count` from _together: how many
    it names, 0 if it does not say, negative for typed first names), each unless something was asked in the
    sentence of their credit."""
    lo = max(0, cs - 5 * _VIEW)
    credits.read_past(lo, cs)
    people: list[str] = []
    for start, end, who in credits.items[bisect_left(credits.starts, lo) : bisect_left(credits.starts, cs)]:
        if end > cs:
            continue
        if reqs:
            k = bisect_right(sent_starts, start)
            stop = min(cs, sent_starts[k] if k < len(sent_starts) else len(low))
            if bisect_left(reqs, start) != bisect_left(reqs, stop):
                continue
        if who in people:
            people.remove(who)
        people.append(who)
    if count < 0:
        n = -count
        if n == 1:
            return _mentions("".join(people[-1:]), ids) or _last_mentioned(low, ids, cs, reqs)
        # (fewer credited than names typed: some of those named were never mentioned — "…and Piotr for the feedback")
        return _mentions("".join(people[-n:]), ids) if len(people) >= 2 else []
    if len(people) < 2:
        return []
    if count and len(people) > count:
        people = people[-count:]
    return _mentions("".join(people), ids)


def _credited_before(
    cue: _Cue,
    low: str,
    norm: str,
    ids: list[str],
    prev_sentence: int,
    reqs: list[int],
    credits: _Credits,
    past: bool = True,
) -> list[str]:
    """A bare thanks right after the clause naming who made it work ("<@A>'s one-liner fixed it.
    thank you!!", "<@A> and <@B> rebuilt the bundle. Thank you both."): the people credited in the cue's
    sentence or the one before; a thanks naming one person by first name reaches further back, to the one
    person credited. Not a causal "thanks to the new CI…" (callers skip threads, where a bare thanks is
    the parent's)."""
    if low.startswith(" to ", cue[2]):
        return []
    lo = max(prev_sentence, cue[1] - _VIEW)
    if past:
        credits.read_past(lo, cue[1])
    named = None
    if not credits.items and not (past and (named := _NAME_AFTER.match(norm, cue[2]) is not None)):
        return []  # the commonest case: no one credited (a thanks naming someone by first name reads further back)
    if named is None:
        named = _NAME_AFTER.match(norm, cue[2]) is not None
    who = credits.people(lo, cue[1], reqs, named, past)
    if named and not who:
        who = credits.people(max(0, cue[1] - 2 * _VIEW), cue[1], reqs, True, past)
    elif len(who) < 2 and _BOTH_AFTER.match(low, cue[2]):
        # "<@A> the direction was spot on. <@B> the motion tests sold it. Tack båda två": the two last credited
        wider = credits.people(max(0, cue[1] - _VIEW), cue[1], reqs, False, past)
        who = wider[-2:] if len(wider) >= 2 else who
    return _mentions("".join(who), ids)


# Capitalised words after a thanks that are not a person's name: a group, an intensifier, a title-cased phrase.
_NOT_FIRST_NAMES = (
    "All|Everyone|Everybody|Team|Guys|Folks|So|Very|Again|For|To|Both|You|And|But|Also|Too|Much|Ya|Y'all|Thanks|"
    "Thank|God|Goodness|Leute|Todos|Todas|Equipo|Gente|Galera|Pessoal|Tous|Tutti|Ragazzi|Jongens|Allemaal|Alla|"
    "Wszystkim|Herkes|Herkese|Arkadaşlar|Ребята|Всем|Semua|Kalian|Beaucoup|Mille|Vielmals|Muito|Muchas"
)
_FIRST_NAME_AFTER = re.compile(
    rf"(?: (?:so much|very much|again|demais))?,? (?!(?:{_NOT_FIRST_NAMES})\b)(?P<name>(?![a-zß-öø-ÿ])[^\W\d_]{{3,}})(?:$|[\s,.!—–:)-])"
)
# …or closing the thanks' reason: "Valeu pelo shader, Théo!", "thanks for the late review, Marek :pray:"
_NAME_CLOSING = re.compile(
    rf"[^\n.!?,{M[1:-1]}]{{1,80}},\s*(?!(?:{_NOT_FIRST_NAMES})\b)(?P<name>[^\W\d_]{{3,}})\s*(?:$|[!.…\n{TYE}{EMO}])"
)


def _is_name(m: re.Match[str] | None) -> bool:
    """Whether a match's "name" group is written as a name: a capital letter, then lowercase ("Théo", "Łukasz")."""
    if m is None:
        return False
    name = m.group("name")
    return name[0].isupper() and name[1:].islower()


# …or calls them by a word of address, as one calls a friend or the boss: "Merci chef 🫡", "Gracias carnal :pray:",
# "Gracias jefe :raised_hands:", "tx mate"
_ADDRESS_AFTER = re.compile(
    r",? (?:chef|jefe|jefa|carnal|compa|hermano|hermana|boss|mate|bro|maestro|maestra|capo|crack|kanka|hocam|abi|abla|"
    r"bruder|chefin|legend)(?:$|[\s,.!…:)-])",
    re.I,
)


def _first_name_after(norm: str, ce: int, has_reason: bool) -> bool:
    """Whether a thanks ending at `ce` names one person by first name, right after it or closing its reason."""
    return (
        _is_name(_FIRST_NAME_AFTER.match(norm, ce))
        or _ADDRESS_AFTER.match(norm, ce) is not None
        or (has_reason and norm.find(",", ce, ce + 81) != -1 and _is_name(_NAME_CLOSING.match(norm, ce)))
    )


def _last_mentioned(low: str, ids: list[str], cs: int, reqs: list[int]) -> list[str]:
    """The last person mentioned in the 2 * _VIEW characters before `cs`, unless something was asked since."""
    found = list(_MENTION_RE.finditer(low, max(0, cs - 2 * _VIEW), cs))
    last = found[-1] if found else None
    if (
        last is None
        or bisect_left(reqs, last.start()) != bisect_left(reqs, cs)
        or _ASSIGNED.search(low, last.end(), cs)  # "<@A> vai refazer as telas semana que vem. obrigado Ana"
    ):
        return []
    return _mentions(last.group(), ids)


# What a favour did to the author, said right after thanking them for it: a complaint, not gratitude. Each
# alternative holds one of _HARM_WORDS, which a message is checked for first.
_HARM_WORDS = (
    "lost",
    "now i ",
    "now we ",
    "without asking",
    "preguntar",
    "perguntar",
    "zu fragen",
    "demander",
    "chiedermi",
)
_HARM_AFTER = re.compile(
    r"\b(?:i|we) (?:just )?lost (?!nothing\b)|\bnow (?:i|we) (?:get|have|need) to (?:tell|explain|redo|apologi[sz]e|deal with|"
    r"clean up|answer|call|fix)\b|\bwithout asking (?:anyone|me|us)\b|"
    r"\bsin preguntar(?:me|nos)?\b|\bsem (?:me )?perguntar\b|\bohne (?:mich |uns )?zu fragen\b|\bsans (?:me|nous) demander\b|"
    r"\bsenza chiedermi\b"
)


# …unless what was done without asking saved the day: "gracias por pausar el import sin preguntar, … nos salvaste de
# un desastre mayor"
_RESCUED = re.compile(
    r"\b(?:saved (?:us|me|the day)|you saved|(?:nos |me )?salvaste|(?:nos |me )?salvó|(?:nos |me )?salvou|"
    r"(?:uns |mich )?gerettet|(?:nous |m')?as sauvés?)"
)


# The people a praise is said of, right before it: "<@A> is the real MVP", "<@A> and <@B> are absolute legends".
_PRAISE_SUBJECT = re.compile(rf"(?P<m>{_MLIST})\s*$")


def _message_vocative(low: str, ids: list[str], sent_starts: list[int], known: list[str] | None) -> list[str]:
    """The people a message opens by addressing ("<@A> <@B> quick question…"), if any."""
    if known is not None:
        return known
    first_sent_end = sent_starts[1] if len(sent_starts) > 1 else len(low)
    voc = _VOCATIVE.match(low, 0, min(len(low), _VIEW))
    return _mentions(voc.group("m"), ids) if voc and voc.start("m") < first_sent_end else []


_WORD = re.compile(r"[^\W\d_]{2,}")


def _has_words(low: str) -> bool:
    return _WORD.search(low) is not None


# A reply that opens with the person it answers, then says it took their point, before a closing thanks: "<@A> ok,
# that explains it. thx", "<@A> good point, I'll drop those. thanks!", "<@A> will do, thanks", "<@A> ¡sí, por favor!
# Gracias" (an offer accepted), "<@A> for catching the bug. спасибо!" (the reason first). Not a request closed by
# thanks ("<@A> can you check? thanks": the caller asks that nothing was asked before the thanks).
_ACK_WORDS = (
    "you're right|you are right|tienes razón|tens razão|tem razão|du hast recht|tu as raison|hai ragione|je hebt gelijk|"
    "masz rację|haklısın|ok|okay|oki|okie|okey|oke|k|kk|got it|gotcha|will do|good point|fair point|good call|good catch|great point|"
    "good shout|çok iyi olur|cok iyi olur|süper olur|harika olur|"
    "makes sense|understood|noted|roger|roger that|sounds good|sgtm|yes please|sure|right|true|agreed|ah|ahh|"
    "i see|that explains|that makes sense|perfect|vale|claro|entendido|de acuerdo|buen punto|lo hago|"
    "d'accord|compris|bien vu|bonne remarque|entendu|alles klar|klar|guter punkt|verstanden|mach ich|mache ich|"
    "certo|capito|va bene|buon punto|lo faccio|sim|beleza|pode deixar|boa|entendi|bom ponto|goed punt|helder|"
    "duidelijk|doe ik|prima|begrepen|jasne|dobrze|okej|rozumiem|tamam|anladım|хорошо|понял|поняла|ладно|ок|"
    "siap|baik|paham|oke deh|iya|yes|yeah|yep|yup|sí|oui|ja|sim|sì|tak|evet|да|"
    # Greek, Swedish, Norwegian and Czech: "<@A> α ναι. οκ ευχαριστώ", "<@A> okej, då förstår jag. tack!", "jasně, díky"
    "οκ|οκει|εντάξει|ενταξει|ναι|σωστά|σωστα|κατάλαβα|καταλαβα|τέλεια|τελεια|okej|absolut|precis|förstår|skjønner|"
    "jasně|jasne|rozumím|rozumim"
)
# "yes please" and its translations accept an offer: their "please" asks for nothing new.
_ACCEPT_WORDS = "yes|yeah|yep|oh yes|sure|ok|okay|sí|si|oui|ja|sim|sì|tak|evet|да|iya|ya|ναι|graag"
_PLEASE_WORDS = (
    "please|pls|plz|por favor|s'il te plaît|s'il te plait|s'il vous plaît|bitte|per favore|alsjeblieft|graag|"
    "proszę|lütfen|пожалуйста|tolong"
)
_PLEASE_STARTS = tuple(_PLEASE_WORDS.split("|"))  # where the scan puts an accepted offer's request
_REPLY_OPEN = rf"[^\w{M[1:-1]}]{{0,6}}(?:(?:hey|hi|oh|ah)\b[\s,!]*)?(?P<m>{_MLIST})[\s,:;!.¡—–-]*"
# (closing its clause: "sure, please send the logs" asks)
# (or what the offer would do: "<@A> yes please that would be amazing, thank you 🙏🏽")
_ACCEPT_END = rf"(?=\s*(?:[!.,;:)\n{TYE}{EMO}{_UEMOJI}]|$|that(?:'d| would)\b))"
_ACCEPTED = re.compile(rf"{_REPLY_OPEN}(?:{_ACCEPT_WORDS})[\s,!]+(?:{_PLEASE_WORDS}){_ACCEPT_END}")
_ACK_OPEN = re.compile(
    # ("<@A> oh, good point — updated. tack!": a surprise first)
    rf"{_REPLY_OPEN}(?:(?:oh|ah|ahh|aha|ooh)\b[\s,!]*)?(?:(?:{_alternation(_ACK_WORDS)})(?![\w'’])|(?:{_ACCEPT_WORDS})[\s,!]+(?:{_PLEASE_WORDS}){_ACCEPT_END}|"
    # the reason first, as in a list of credits: "<@A> for catching the rotate bug", "<@A> pour la relecture"
    rf"(?:for|por|pour|für|voor|för|za|за|untuk|atas|pelo|pela) (?!(?:the record|now|example|instance|reference|"
    rf"context|sure|real|once|today|tomorrow|tonight|this week|next|later|me|us|you|what|when|whom?|how|why)\b)"
    rf"[^\W\d_])"
)
# …not when the words after the acknowledgement ask or hand over work: "<@A> ok, I'll need the figures by Friday, thanks"
_ACK_BREAK = re.compile(
    r"\b(?:need|needs|want|make sure|remember|don'?t forget|let me know|lmk|send|share|check|by (?:eod|tomorrow|monday|"
    r"tuesday|wednesday|thursday|friday))\b"
)


# Kudos to someone named after a place or in another language's "to": "Shout-out in #kudos to <@A>, who stayed late",
# "Un shout-out para <@A> que consiguió…", "Un aplauso para <@A>"; or to a team, then its people after a dash: "Kudos to
# the comms team for the launch — <@A> <@B> you made us look good"; Chinese "kudos 给 <@A> 的暗黑模式".
_KUDOS_TO = re.compile(
    rf"(?:\s+in {CHANNEL})?\s+(?:(?:to|para|pra|pro|ao|per|pour|à|a|an|aan|voor|för|till|til|dla|für|for|buat|untuk|kepada)\s+|ל\s*|(?:给|給)\s*)"
    rf"(?P<m>{_MLIST_ROLES})"
    rf"|[^:\n.!?{M[1:-1]}]{{0,80}}\s[—–]\s*(?P<d>{_MLIST})"
)


def _kudos_named(low: str, ids: list[str], ce: int, se: int, reqs: list[int]) -> list[str]:
    k = _KUDOS_TO.match(low, ce, se)
    if k is None or bisect_left(reqs, ce) != bisect_left(reqs, se) or _ASSIGNED.search(low, k.end(), se):
        return []  # not "shout-out to <@A>, can you post it?", nor "kudos channel — <@A> will run it"
    return _mentions(k.group("m") or k.group("d"), ids)


# People credited one by one with what they did, before a bare thanks: "…without the people behind the scenes: <@A>
# for tuning the cache and <@B> for the webhook fix. Gracias de verdad", "I want to single out <@A>, <@B> and <@C> —
# for making on-call boring. Thank you.". The first reason is something done ("for tuning", "por cubrir"), so a
# list of assignments ("<@A> for the backend and <@B> for catering. thanks") credits no one.
_CREDIT_FOR = re.compile(
    rf"(?P<m>{_MLIST})[\s,—–-]*(?:for|por|pour|für|voor|för|per|za|untuk) (?P<g>[^\W\d_]+(?:ing|ar|er|ir) (?!(?:and|or|y|e|et|und)\b)[^\W\d_])?"
)
# (the last person of such a list, alone: a quick test before the lists are read)
_CREDIT_FOR_ONE = re.compile(rf"{M}[\s,—–-]*(?:for|por|pour|für|voor|för|per|za|untuk) ")
_CREDIT_FOR_LEAD = re.compile(
    rf"(?:^|[:;—–\-\n,•·(.!?]|[{TYE}{EMO}{_UEMOJI}]|\b(?:{_JOIN}|to|out|also|especially|a|à|para))\s*$"
)


def _credit_list(low: str, ids: list[str], start: int, cs: int) -> list[str]:
    if _CREDIT_FOR_ONE.search(low, start, cs) is None:
        return []
    found: list[str] = []
    done = False  # whether a person of the list was credited with something done
    for c in _CREDIT_FOR.finditer(low, start, cs):
        if not _CREDIT_FOR_LEAD.search(low, max(start, c.start() - 40), c.start()):
            continue  # "ping <@A> for the approvals": asked, not credited
        done = done or c.group("g") is not None
        found.extend(_mentions(c.group("m"), ids))
    return found if done else []


# A dash, then someone addressed with a request: a new clause for another person, not the end of the reason.
_DASH_END = re.compile(r"(?:[—–]|\s-)\s*$")
_COMMA_AFTER = re.compile(r"\s*[,:]")


def _addressed_next(low: str, end: int, se: int, reqs: list[int]) -> bool:
    return _COMMA_AFTER.match(low, end, se) is not None and bisect_left(reqs, end) < bisect_left(reqs, se)


# Thanks owed from before, or work credited to the addressee's side, before a bare thanks: "I never properly thanked
# <@A> for the intro — so thank you!", "nunca le agradecí a <@A> por…", "<@A> your team did the base renders, they
# were so clean. thank you!".
_OWED_VERB = re.compile(rf"(?:thanked|thank|agradec[ií]|agradeci|remercié) (?:a |ao |à )?(?P<m>{_MLIST})")
_OWED_BEFORE = re.compile(
    r"\b(?:never|ever|didn'?t|did not|forgot to|haven'?t|have not|not yet|nunca(?: le| te)?|jamais(?: vraiment)?) "
    r"(?:properly |really |actually |officially |correctement )?$"
)
_YOUR_WORK = re.compile(
    rf"(?P<m>{_MLIST}),? (?:you and )?your (?:team|crew|folks|people|squad|side|guys)\b[^.!?\n{M[1:-1]}]{{0,20}}? "
    rf"(?:did|built|made|wrote|drew|designed|delivered|shipped|prepared|produced|created|fixed|handled)\b"
)
# Praise opening with the people praised, then a thanks to all: "<@A> <@B> <@C> great teamwork, bedankt allemaal!",
# "<@A> <@B> gut gemacht, danke euch allen".
_PRAISE_OPEN = re.compile(
    rf"(?P<m>{_MLIST})[\s,:!—–-]*(?:(?:great|amazing|awesome|nice|good|excellent|fantastic|brilliant|stellar|superb|"
    rf"incredible|top) (?:teamwork|team work|work|job|effort|stuff)|well done|bravo|goed gedaan|gut gemacht|"
    rf"buen trabajo|gran trabajo|bon travail|beau travail|ottimo lavoro|bom trabalho|ótimo trabalho|dobra robota|"
    rf"harika iş|kerja bagus)\b"
)


def _owed_thanks(low: str, ids: list[str], start: int, cs: int) -> list[str]:
    # string searches first: most windows have none of the words
    if low.find("your", start, cs) != -1 and (y := _YOUR_WORK.search(low, start, cs)) is not None:
        return _mentions(y.group("m"), ids)
    if (
        low.find("thank", start, cs) == -1
        and low.find("agrade", start, cs) == -1
        and low.find("remerci", start, cs) == -1
    ):
        return []
    for o in _OWED_VERB.finditer(low, start, cs):
        if _OWED_BEFORE.search(low, max(start, o.start() - 40), o.start()):
            return _mentions(o.group("m"), ids)
    return []


def _praised_all(low: str, ids: list[str], start: int, cs: int) -> list[str]:
    for p in _PRAISE_OPEN.finditer(low, start, cs):
        if _CREDIT_FOR_LEAD.search(low, max(start, p.start() - 40), p.start()):
            return _mentions(p.group("m"), ids)
    return []


_FIRST_MENTION = chr(_M0)  # a text starting with a character from here on starts with a mention


def _accepted_offer(low: str, reqs: list[int]) -> list[int]:
    """The requests left once an accepted offer's "please" is set aside ("<@A> yes please, and thanks for…")."""
    acc = _ACCEPTED.match(low)
    if acc is None:
        return reqs
    return [p for p in reqs if p >= acc.end()]


# A question that is only surprise, said on its own: "<@A> wow, already?", "오 진짜요?", "와 하루 만에?", "え、もう？" — not
# "is it fixed already?", a question with a clause of its own.
_SURPRISE_WORDS = (
    "already", "really", "seriously", "for real", "so fast", "that fast", "벌써", "벌써요", "진짜", "진짜요", "정말요",
    "하루 만에", "천재세요", "もう", "マジ", "まじ", "本当", "本当に", "ほんと", "ほんとに", "已经", "真的", "这么快", "這麼快",
)  # fmt: skip
_SURPRISE_QUESTION = re.compile(
    rf"(?:^|(?<=[,.!?…\n{M[1:-1]}{TYE}{EMO}{_UEMOJI}]))\s*(?:(?:oh|wow|whoa|omg|woah|오|와|헐|우와|え|えっ|わ|哇|啊)[\s,!~…]*)?"
    rf"(?:{_alternation('|'.join(_SURPRISE_WORDS))})\s*$"
)


def _unsurprised(low: str, reqs: list[int]) -> list[int]:
    """The requests left once the question marks of surprise are set aside."""
    return [
        p
        for p in reqs
        if not (
            low.startswith(("?", "？"), p)
            and low[max(0, p - 12) : p].rstrip().endswith(_SURPRISE_WORDS)  # (a string test first: most "?" ask)
            and _SURPRISE_QUESTION.search(low, max(0, p - 30), p)
        )
    ]


def _acknowledged(low: str, ids: list[str], cs: int) -> list[str]:
    """The people a reply opens with when it acknowledges them before the thanks at `cs` ("<@A> will do, thanks")."""
    ack = _ACK_OPEN.match(low, 0, cs)
    if ack is None or _ACK_BREAK.search(low, ack.end(), cs) is not None or _RESCHEDULED.search(low, ack.end(), cs):
        return []  # nor a notice signed off: "<@A> ok, standup moved to 10:30, thx"
    return _mentions(ack.group("m"), ids)


def _targets(
    kind: str,
    cs: int,
    ce: int,
    low: str,
    norm: str,
    ids: list[str],
    ss: int,
    se: int,
    n: int,
    reqs: list[int],
    esps: list[int],
    ps: int,
) -> tuple[list[str] | None, str | None, bool, dict[str, str | None] | None]:
    """Mentions a cue (`kind` from `cs` to `ce`, in the sentence from `ss` to `se`; the one before starts at `ps`) is
    aimed at, its reason, whether it thanks a group ("thanks everyone"), and the reasons of people listed after the
    first with a reason of their own ("thanks <@A> for the design and <@B> for the build": B's is the build)."""
    if kind == "karma":
        return _mentions(low[cs:ce], ids), None, False, None
    own: dict[str, str | None] = {}  # reasons of the people listed after the first, each their own
    # Quoted as a word ('the "Thanks" button') or asked about ("thanks?") is not a thanks.
    if cs > 0 and low[cs - 1] in "\"'“‘" and ce < n and low[ce] in "\"'”’":
        return None, None, False, None
    # …and so is a phrase in single quotes, such as a UI string: "the Steam page 'Thank you for wishlisting' banner"
    if (
        cs > 0
        and low[cs - 1] in "'‘"
        and (cs < 2 or not low[cs - 2].isalnum())
        and _SINGLE_QUOTE_CLOSES.match(low, ce, min(n, ce + _QUOTE_SPAN))
    ):
        return None, None, False, None
    if kind == "grat" and low.startswith("?", ce) if ce < n else False:
        return None, None, False, None
    # An emoji right before a request is a "please": "<@A> :pray: can you check #2333 before the cut?".
    if kind == "emoji" and reqs and (k := bisect_left(reqs, ce)) < len(reqs) and not _has_words(low[ce : reqs[k]]):
        return None, None, False, None
    # …and so is one after a question and the person it asks: "anyone have the new login? <@A> :pray:".
    if (
        kind == "emoji"
        and reqs
        and (k := bisect_left(reqs, cs)) > 0
        and cs - reqs[k - 1] < 40
        and low[reqs[k - 1] : cs].startswith(("?", "？"))
        and not _has_words(low[reqs[k - 1] : cs])
        and _MENTION_RE.search(low, reqs[k - 1], cs)
    ):
        return None, None, False, None
    # An emoji after an apology is contrition, not thanks: "<@A> mañana te los mando, perdón 🙏", "<@A> scusa il
    # ritardo 🙏" — unless a success is reported after the apology ("sorry for the wait, it works now 🙏").
    if (
        kind == "emoji"
        and (a := _APOLOGY_BEFORE.search(low, max(0, cs - 60), cs))
        and not _reports_success(low[a.start() : cs])
    ):
        return None, None, False, None
    # …and so is one before an apology: "<@A> ผมเองครับ 🙇‍♂️ ตั้ง target ผิด ขอโทษครับ", "<@A> 🙇 xin lỗi em"
    if kind == "emoji" and _APOLOGY_AFTER.match(low, ce, min(n, ce + 60)):
        return None, None, False, None
    # …and so is one with "you're welcome": "<@A> 🙌 anytime", "<@A> 🙏 no problem!" answer a thanks
    if kind == "emoji" and (_WELCOME_AFTER.match(low, ce) or _WELCOME_BEFORE.search(low, max(0, cs - 60), cs)):
        # (and after it: "<@A> arre it's nothing, hope uncle is better now 🙏")
        return None, None, False, None
    targets: list[str] = []
    trailing: list[str] = []  # "thanks!! <@A>": used only when nothing precedes the cue
    reason: str | None = None
    group = False

    # Right context may run past "!" into a trailing vocative ("thanks!! <@A>"), never further.
    r = _RIGHT.match(low, ce, min(n, ce + 400))
    assert r is not None  # every part is optional
    f1 = r.group("f1")
    pronoun = None
    e = r.end()
    if (
        e < n
        and low[e] in _PRONOUN_FIRST
        and r.end("f1") == e
        and (pronoun := _PRONOUN_AND.match(low, e, min(n, ce + 400)))
    ):
        # "<@A> demoed it — huge thanks to her and <@B> for coordinating": read on after the pronoun.
        r = _RIGHT.match(low, pronoun.end(), min(n, ce + 400))
        assert r is not None
        f1 += r.group("f1")
    if r.group("grp") and not _notified_group(low, r, f1, n):
        group = True
    pre = r.group("pre")
    # (English only: the harm that makes a causal "thanks to" blame is read in English, below)
    work_of = kind == "grat" and not pre and f1.strip() == "to" and _WORK_OF.match(low, r.end("f1"), se)
    if work_of:
        # "fixed it (thanks to the review from <@A>)": the credit is A's, for their work
        targets.extend(_mentions(work_of.group("m"), ids))
    if pre:
        pre_ids = _mentions(pre, ids)
        after = r.end("pre")
        crossed = "." in f1 or "!" in f1 or "?" in f1 or "\n" in f1
        # After an emoji a mention is its addressee only when a reason follows ("🙏 <@A> for the review")
        # or a success is reported right after it, with nothing asked (":pray: <@A> worked first try").
        emoji_only = kind == "emoji" and r.group("reason") is None
        emoji_success = (
            emoji_only
            and not crossed
            and (_SUCCESS_NEXT.match(low, after, se) or _CREDIT_NEXT.match(low, after, se))
            and bisect_left(reqs, after) == bisect_left(reqs, se)  # nothing asked later in the sentence
        )
        if crossed or (emoji_only and not emoji_success):
            # A mention after the sentence ended only counts as a trailing vocative; so does one
            # after an emoji (":pray: <@B> you might want to look too" addresses B about something else).
            if not _TRAIL_END.match(low, after, min(n, after + _VIEW)):
                pre_ids = []
            trailing, pre_ids = pre_ids, []
        elif (
            not emoji_success
            and len(pre_ids) > 1
            and _last_starts_clause(low, pre, after, n)
            and not _report_after_list(low, after, se, reqs)
        ):
            pre_ids = pre_ids[:-1]  # "thanks <@A>, <@B> can you merge" → only A
        elif (
            not emoji_success
            and f1.strip()
            and cs > 0
            and low[cs - 1 : cs].isspace()
            and low[ss:cs].rstrip()[-1:] >= _FIRST_MENTION
            and _last_starts_clause(low, pre, after, n)
        ):
            # "<@A> 감사합니다 :pray: <@B> could you shorten…": A is thanked; B, after a break, is asked next
            pre_ids = pre_ids[:-1]
        if pronoun and pre_ids:  # the pronoun is the person named last before the thanks
            before = _mentions(low[ss:cs], ids)
            targets.extend(before[-1:])
        targets.extend(pre_ids)
        if pre_ids and not crossed and _ENDS_WITH_HONORIFIC.search(low, ce, r.start("pre")):
            # "cảm ơn chị <@A> test kỹ, anh <@B> làm pipeline, và anh <@C> review PR": in Vietnamese each next
            # person, after an honorific, has a reason of their own with no "for"
            end = r.end("pre")
            while (nxt := _HONOURED_NEXT.match(low, end, se)) and bisect_left(reqs, end) == bisect_left(reqs, se):
                targets.extend(_mentions(nxt.group("m"), ids))
                end = nxt.end()
        elif pre_ids and not crossed and low.startswith(("'s ", "’s "), r.end("pre")):
            # "Couldn't have done it without <@A>'s live walkthrough and <@B>'s CSV template": each one's work
            end = r.end("pre")
            while (nxt := _POSSESSIVE_NEXT.match(low, end, se)) and bisect_left(reqs, end) == bisect_left(reqs, se):
                targets.extend(_mentions(nxt.group("m"), ids))
                end = nxt.end()
        elif pre_ids and not crossed and r.group("reason") is None and _RELATIVE_AFTER.match(low, r.end("pre")):
            # "Voglio ringraziare <@A>, che ha fatto il doppio turno, e <@B> che ha coperto il mio turno": after the
            # first one's clause, "and" the next person with a clause (or a reason) of their own
            end = r.end("pre")
            while (nxt := _RELATIVE_NEXT.match(low, end, se)) and bisect_left(reqs, end) == bisect_left(reqs, se):
                targets.extend(_mentions(nxt.group("m"), ids))
                end = nxt.end()
        elif pre_ids and not crossed and low.startswith(_ZH_THANKS, cs):
            # "感谢 <@A> 的新插画和 thank-you page，<@B> 的分享接口，<@C> 两轮回归": in Chinese each next person, after a
            # comma, has what they did
            # (not a report about the next one: "谢谢 <@A> 的修复，<@B> 那边的数据已经同步了")
            end = r.end("pre")
            while (
                (nxt := _ZH_NEXT.match(low, end, se))
                and bisect_left(reqs, end) == bisect_left(reqs, se)
                and not _ZH_REPORT.match(low, nxt.end(), se)
            ):
                targets.extend(_mentions(nxt.group("m"), ids))
                end = nxt.end()
    if r.group("reason") is not None and r.start("reason") < se + 1:
        raw_reason = r.group("reason")
        reason_end = min(r.end("reason"), se) if r.start("reason") < se else r.start("reason")
        reason = _clean_reason(norm[r.start("reason") : reason_end])
        post = r.group("post")
        if (
            post
            # (or the person said before the thanks: "<@A> thank you for the potluck, and <@B> for the brisket")
            and (pre or (low[ss:cs].rstrip()[-1:] >= _FIRST_MENTION and (left_first := _left(low, cs, ss))))
            and r.start("post") < se
            and _REASON_ENDS_WITH_AND_OR_COMMA.search(raw_reason[-40:])
        ):
            if not pre:
                targets.extend(_mentions(left_first, ids))
            # "thanks <@A> for the design and <@B> for the implementation", "… and to <@B> for the notes",
            # "Thank you <@A> for X, <@B> for Y, and <@C> for Z": each next person has a reason of their own.
            joined_by_and = _REASON_ENDS_WITH_AND.search(raw_reason[-40:]) is not None
            end = r.end("post")
            while _FOR_OR_TOO.match(low, end, end + 8) or (
                # "Un grand merci à <@A> pour le profiling, et à <@B> qui a refait 140 matériaux": after "and to",
                # the next person's own clause may say what they did instead of a reason
                joined_by_and
                and _RELATIVE_AFTER.match(low, end, end + 12)
                and bisect_left(reqs, end) == bisect_left(reqs, se)
            ):
                if not joined_by_and and bisect_left(reqs, end) < bisect_right(reqs, se):
                    break  # after a bare comma, "…, <@B> for lunch?" asks B something
                nxt = _NEXT_REASON.match(low, end, se)
                for uid in _mentions(post, ids):
                    targets.append(uid)
                    own[uid] = _clean_reason(norm[nxt.start("reason") : min(nxt.end("reason"), se)]) if nxt else None
                if (
                    not nxt
                    or not nxt.group("post")
                    or not _REASON_ENDS_WITH_AND_OR_COMMA.search(nxt.group("reason")[-40:])
                ):
                    break
                joined_by_and = _REASON_ENDS_WITH_AND.search(nxt.group("reason")[-40:]) is not None
                post, end = nxt.group("post"), nxt.end("post")
        elif post and not pre and r.start("post") < se:
            post_ids = _mentions(post, ids)
            if _ends_with_preposition(raw_reason):
                # "thanks for the intro to <@B>, <@A>!": the object is first, the addressee follows a comma.
                parts = _COMMA.split(post)
                post_ids = _mentions("".join(parts[1:]), ids) if len(parts) > 1 else []
            if (
                post_ids
                and raw_reason.strip()  # "grateful for <@A> today": the person is the reason itself
                and _CLAUSE_AFTER.match(low, r.end("post"), min(n, r.end("post") + _VIEW))
            ):
                # "Gracias por avisar <@A>, <@B> ¿puedes volver a lanzar…?": after a comma, only the last one starts
                # the new clause
                post_ids = post_ids[:-1] if len(post_ids) > 1 and "," in post else []
            if post_ids and _DASH_END.search(raw_reason[-4:]) and _addressed_next(low, r.end("post"), se, reqs):
                post_ids = []  # "<@A> thanks for the ToR — <@B>, could you share the list?": B is asked next
            if _ends_with_group(raw_reason):
                group = True
            targets.extend(post_ids)
        elif not post and _ends_with_group(low[r.start("reason") : min(se, r.end("reason"))]):
            group = True

    # "thanks to <@A>'s script we lost a day": causal "thanks to" + harm is blame, not thanks; so is "thanks to your
    # cron job I got paged at 3am twice" said to the person addressed.
    causal = (
        kind == "grat"
        and not reason
        and (pre or work_of or low.startswith(("your ", "ur "), r.end("f1")))
        and _TO.match(f1)
    )
    has_now = low.find("now", ce, se) != -1
    if causal:
        # The harm may come after a "!" that is not the end of the thought ("…full of #REF! errors, we
        # lost a day"): a causal "thanks to" is read to the end of its line.
        line_end = low.find("\n", ce, ce + _VIEW)
        harm_end = max(se, line_end if line_end != -1 else min(n, ce + _VIEW))
        if (
            _harmed(low, ce, harm_end)
            or (has_now and _NOW_NEG.search(low, ce, se))
            or _harm_caused(low, ss, cs)
            or _BLAME.search(low, ss, harm_end)
        ):
            return None, None, False, None
    if has_now and kind in ("grat", "strong") and _NOW_NEG.search(low, ce, se):
        return None, None, False, None  # "thanks a lot <@A>, now the build is broken"

    # The rules below can only name mentions: a message without one skips them.
    if not targets and ids:
        left = _left(low, cs, ss)
        targets.extend(_mentions(left, ids) or trailing)
        if (
            not targets
            and len(ids) == 1
            and not reqs
            and not group
            and kind == "grat"
            and n - ce < _SIGNED_TO_SPAN
            and "\u3040" <= low[cs] <= "\u9fff"
        ):
            # "谢谢静姐安排 🥳 <@A>", "谢谢静姐！每次都安排得这么好 🥹 <@A>": a short Chinese or Japanese thanks, then the one
            # person it is for, ending the message (English says "thanks Jing for organising 🥳 <@A>", read above)
            signed = _SIGNED_TO.match(low, ce)
            if signed is not None:
                targets.append(ids[0])
    if (
        ids
        and low.startswith(_TR_THANKS_STARTS, cs)
        and low.find("için", ss, cs) != -1
        and low.find("?", ss, cs) == -1
        # (not "you did it": "<@A> dün beni <@B>'ın müdürüyle tanıştırdığın için sağ ol" thanks only A)
        and not _TR_YOU_DID_FOR.search(low, ss, cs)
    ):
        # Turkish gives each person's reason before one thanks: "<@A> code review'ları, <@B> deploy'u izlettiği ve
        # <@C> sabırla test ettiği için çok teşekkürler", "Gece takibi için <@A>'a, onay aldığı için de <@B>'a teşekkürler"
        targets.extend(uid for uid in _reasons_before_tr(low, ids, ss, cs) if uid not in targets)
    elif ids and low.startswith(_KO_THANKS_STARTS, cs) and (ko := _reasons_before_ko(low, ids, ss, cs, ps)):
        # Korean too: "<@A> <@B> 리뷰랑 핫픽스 빠르게 해주셔서 일정 안 밀렸어요, 고맙습니다", "<@A> 님 쿼리 리팩토링이랑 <@B> 님
        # 대시보드 정리 덕분이에요. 감사합니다!", "<@A> 님 도메인 검수, <@B> 님 QA, <@C> 님 UI 다들 감사합니다!"
        targets.extend(uid for uid in ko if uid not in targets)
    if not targets and ids and kind != "emoji" and _MENTION_RE.search(low, ce, se):
        # "Big thanks to the 6 East nurses for being so flexible, and to <@A> for coordinating nights", "Big thanks to
        # everyone who reported the fake email, and to <@A> for tuning the WAF rules": the thanks names a group
        # first, then a person with a reason of their own.
        a = _AND_TO_FOR.search(low, ce, se)
        if a and group and _MENTION_RE.search(low, ce, a.start("m")):
            # (a group named by its people first keeps them: "Thanks everyone who jumped in — <@A> <@B> — and <@C>
            # for handling the customer side"; C's reason is C's own)
            targets.extend(_mentions(low[ce : a.start("m")], ids))
            for uid in _mentions(a.group("m"), ids):
                targets.append(uid)
                own[uid] = _clean_reason(norm[a.start("reason") : min(a.end("reason"), se)])
        elif a:
            targets.extend(_mentions(a.group("m"), ids))
            own_reason = _clean_reason(norm[a.start("reason") : min(a.end("reason"), se)])
            reason = own_reason if group else reason or own_reason  # (the group's reason is not the person's)
    elif (
        targets
        and pre
        and r.group("reason") is None
        and kind != "emoji"
        and _MENTION_RE.search(low, r.end("pre"), se)
        and (a := _AND_TO_FOR.search(low, r.end("pre"), se))
        and bisect_left(reqs, a.start()) == bisect_left(reqs, se)  # nothing asked after
    ):
        # "Shout-out to <@A> who ran the drill, and to <@B> for the catering": the next person has a reason of
        # their own after the first one's clause.
        targets.extend(_mentions(a.group("m"), ids))
    if not targets and not group and len(ids) > 1 and (both := _BOTH_AFTER.match(low, ce, se)):
        # "couldn't have done it without <@A> on the backend and <@B> on legal, thank you both!!"
        named = list(dict.fromkeys(reversed(_mentions(low[ss:cs], ids))))
        if len(named) < 2 and (named_after := _LIST_AFTER_BOTH.match(low, both.end())):
            # "Tackar båda! <@A> <@B> mergar när Fatima har testat", "Tusen takk begge to! <@A> <@B>": the two
            # named right after (and not three)
            pair = list(dict.fromkeys(reversed(_mentions(named_after.group("m"), ids))))
            if len(pair) == 2:
                named = pair
        if len(named) < 2 and not low[ss:cs].strip() and _reports_success(low[max(0, cs - _VIEW) : cs]):
            # "<@A> this is perfect, and <@B> the kits made both kids smile. תודה לשתיכן": a sentence of its
            # own after praise thanks the two last named before it (not "<@A> and <@B> will fix it. Thank you both")
            named = list(dict.fromkeys(reversed(_mentions(low[max(0, cs - _VIEW) : cs], ids))))
        if len(named) < 2 and not low[ss:cs].strip():
            # "Outcome of the KYC sync with <@A> and <@B>: … Sheet updated. Thanks both": the only two people the
            # message names — once it says what came of their help ("Sheet updated.", "…, a much better PR now")
            # — or once the thanks says what for ("Números de <@A> y <@B>: … Gracias a los dos por sacarlo en tiempo
            # récord")
            everyone_named = _only_people_named(low, ids, reqs, cs, ce)
            if len(everyone_named) == 2 and (
                _reports_success(low[:cs])
                or _reports_success(low[ce:se])
                or (_FOR_AFTER_BOTH.match(low, both.end(), se) and not _AUDIENCE_REASON.match(low, both.end(), se))
            ):
                named = everyone_named[::-1]
        if len(named) >= 2:
            targets.extend(reversed(named[:2]))
    if not targets and not reason and not group and ids and kind in ("grat", "strong"):
        # "I appreciate the help <@A>", "I owe you big time <@A>": a short object, then the addressee.
        o = _OBJECT_THEN_M.match(low, ce, se)
        if (
            o
            and not _ends_with_preposition(o.group("obj"))
            and (
                _TRAIL_ADVERB_END.match(low, o.end(), min(n, o.end() + _VIEW))
                # "You saved me there <@A>, I had no idea the cert expired": a clause of its own after the person,
                # with nothing asked ("you saved me a trip, <@A> can you…" never gets here: the object ends at ",")
                or (
                    _CLAUSE_BREAK.match(low, o.end(), se)
                    and bisect_left(reqs, o.end()) == bisect_left(reqs, se)
                    and not _HAS_NEG.search(low, o.end(), se)
                )
            )
        ):
            targets.extend(_mentions(o.group("m"), ids))

    # (a kudos' list comes first even when someone after it has a reason: "Credit goes to the JP team — <@A>, <@B> —
    # and to <@C> for the MT work")
    if ids and (kind == "kudos" or (not targets and kind == "grat" and low.startswith(" ", ce))):
        # "Quick shout-out before the 10am: <@A> and <@B> turned the story around in a day", "a specific thank you to
        # the people who probably don't get enough of them: <@A>, <@B> and everyone in QA, and <@C> and <@D> who…"
        km = (_KUDOS_COLON if kind == "kudos" else _THANKS_TO_COLON).match(low, ce, se)
        # not "kudos channel idea: <@A> thoughts?", nor "thanks to all who came: <@A> will send the photos"
        if km and bisect_left(reqs, ce) == bisect_left(reqs, se) and not _ASSIGNED.search(low, km.end(), se):
            targets.extend(_mentions(km.group("m"), ids))
            more = _LIST_MORE.match(low, km.end(), se)
            if more:
                targets.extend(_mentions(more.group("m"), ids))
    if not targets and ids and kind == "kudos":
        targets.extend(_kudos_named(low, ids, ce, se, reqs))
    esp = _ESPECIALLY.search(low, ce, se) if esps and bisect_left(esps, ce) < bisect_left(esps, se) else None
    esp_end = se  # where the "especially" list's sentence ends
    if not esp and not targets and se < n and esps and esps[-1] >= se:
        # "Thank you.\nSpecifically <@A> and <@B> for closing the books": the next sentence opens with the
        # "especially" list of this thanks.
        esp = _ESPECIALLY_NEXT.match(low, se, min(n, se + _VIEW))
        if esp:
            esp_end = _sentence_end(low, esp.end(), n)
    if esp:
        # (the group stays: "thank you all, and especially <@R>" also thanks the people credited before it)
        targets.extend(_mentions(esp.group("a") or esp.group("b"), ids))
        # "besonders <@A> für die Planung und <@B> für die Folien", "especially <@A> for X, <@B> for Y":
        # each next person with a reason of their own is in the "especially" list too.
        end = esp.end()
        while (
            (nxt := _NEXT_REASON.match(low, end, esp_end))
            and nxt.group("post")
            and _REASON_ENDS_WITH_AND_OR_COMMA.search(nxt.group("reason")[-40:])
            and _FOR_OR_TOO.match(low, nxt.end("post"), nxt.end("post") + 8)
            # after a bare comma, "…, <@B> for lunch?" asks B something
            and (
                _REASON_ENDS_WITH_AND.search(nxt.group("reason")[-40:])
                or bisect_left(reqs, end) == bisect_left(reqs, esp_end)
            )
        ):
            targets.extend(_mentions(nxt.group("post"), ids))
            end = nxt.end("post")
    if not targets and kind == "grat" and se < n and ids and _SOME_PEOPLE.match(low, ce, se):
        # "quería dar las gracias a algunas personas. A <@A>, por confiar en mí… A <@B>, que… Y a <@C>, que…", "I want
        # to thank a few people. To <@A>, for… To <@B>, who…": the people the next sentences open with, one each.
        pos = se
        for _ in range(50):
            to = _TO_PERSON.match(low, pos, min(n, pos + _VIEW))
            if not to:
                break
            end = _sentence_end(low, to.end(), n)
            if bisect_left(reqs, pos) != bisect_left(reqs, end):
                break
            targets.extend(_mentions(to.group("m"), ids))
            pos = end
    if (
        targets
        and reason
        and se < n
        and (nx := _AND_NEXT.match(low, se, min(n, se + _VIEW)))
        and bisect_left(reqs, se) == bisect_left(reqs, _sentence_end(low, nx.end(), n))
    ):
        # "dzięki <@A> za ogarnięcie wszystkiego!! :heart: i <@B> za pilnowanie Amazon lane": the list of people,
        # each with a reason, goes on after an exclamation.
        reason_end = _sentence_end(low, nx.end(), n)
        for uid in _mentions(nx.group("m"), ids):
            targets.append(uid)
            own[uid] = _clean_reason(norm[nx.end() : reason_end])
    return targets, reason, group, own


# One more person added on right after a thanks: "thanks! and <@B> too", "thank you both (<@B> too)", "merci ! et
# <@B> aussi"
_AND_TOO = re.compile(
    rf"(?:\s*(?:both|all|[!.]+|[{TYE}{EMO}]|{M}))*[\s(]*(?:(?:and|&|\+|et|y|e|und|en)\s+)?(?P<m>{_MLIST}),?\s+"
    # (and in the other languages: "top merci <@A> ! et <@B> aussi pour le partage", "y <@B> también")
    r"(?:too|as well|aussi|también|tambien|também|auch|ook|anche)\b"
)


_WHETHER_BEFORE = re.compile(
    r"\b(?:not sure|no idea|don'?t know|dunno|wonder(?:ing|ed)?|unsure|ask(?:ed|ing)?|see)\s*$"
)
# (a bracket opens an aside: "If someone helped you, say it there (thanks <@A> for the idea)")
_CONDITION_BREAK = re.compile(
    r"[;—–(]|\b(?:but|anyway|anyways|regardless|either way|pero|mais|aber|mas|ma|maar|men|ale|ama|но|tapi|nhưng)\b"
)


def _laughed_off(low: str, laughs: list[int], ss: int, cs: int, ce: int, se: int, n: int) -> bool:
    """Praise laughed off and handed back: "<@A> haha merci, c'est tes textures qui font tout", "aww thanks, it's all
    you" — thanks for a compliment, not for help (but "haha thanks, it's your script that saved us" is)."""
    k = bisect_left(laughs, cs) - 1
    return (
        k >= 0
        and laughs[k] >= max(ss, cs - 20)
        and _LAUGH_END.match(low, laughs[k], cs) is not None
        and _DEFLECTED.match(low, ce, min(n, ce + 80)) is not None
        and not _reports_success(low[ce:se])
    )


def _promised_on_condition(low: str, conds: list[int], ss: int, cs: int) -> bool:
    """Whether the cue at `cs` closes a condition (`conds`: where the scan found one) put to someone in its sentence:
    "<@A> if you can get the export cleared before 16:00 I owe you a beer", "si me lo mandas hoy te debo una" — a
    request, not gratitude. Not "not sure if you saw it, but thanks"."""
    for p in conds[bisect_left(conds, max(ss, cs - 160)) : bisect_left(conds, cs)]:
        if not _WHETHER_BEFORE.search(low, max(0, p - 20), p) and not _CONDITION_BREAK.search(low, p, cs):
            return True
    return False


_LAUGH_END = re.compile(r"[^\s,!.…]*[\s,!.…]*$")
_DEFLECTED = re.compile(
    rf"[\s,!.…]*(?:{M}[\s,!.…]*)?"
    r"(?:(?:but|mais|pero|aber|mas|ma|maar)\s+)?(?:(?:honestly|really|vraiment|en vrai|de verdad|ehrlich)\s+)?"
    r"(?:c'est|c’est|it'?s|it’s|it is|it was|that'?s|that’s|es|son|fue|é|foi|são|ist|war|sind|è|era|sono|het is|det är)\s+"
    r"(?:(?:all|tout|todo|tudo|alles|tutto)\s+)?(?:grâce à\s+)?(?:tes|ton|ta|toi|vous|votre|vos|your|you|tus|tu|tuyo|tuya|ti|teus|"
    r"tua|teu|você|vc|deine|dein|du|dir|tuoi|tuo|te|jouw|jij|din|ditt|dina)\b"
)
_APOLOGY_WORDS = (
    r"sorry|sry|my bad|my fault|guilty|mea culpa|apologies|perdón|perdon|perdona|disculpa|disculpas|desculpa|desculpe|"
    r"désolée?|desole|pardon|scusa|scusate|scusami|entschuldigung|przepraszam|özür dilerim|kusura bakma|извини|"
    r"извините|простите|maaf|xin lỗi|sori|סליחה|συγγνώμη|συγνώμη|punten|hapunten|pangapunten"
)
# (and where words are not spaced: "<@A> 抱歉抱歉，…这次真的是最后一版了 🙏", "ほんとすみません🙇", "… ขอโทษครับ")
_APOLOGY_NOSPACE = r"抱歉|对不起|對不起|不好意思|我的锅|我的鍋|すみません|すいません|ごめん|申し訳|죄송|미안|ขอโทษ"
_APOLOGY_BEFORE = re.compile(
    rf"\b(?:{_APOLOGY_WORDS})\b[!.…]*[^.!?\n]{{0,40}}$"  # (and "<@A> sorry! 🙏")
    rf"|(?:{_APOLOGY_NOSPACE})[^。！？!?\n]{{0,40}}$"
)
# "You're welcome" after a thanks emoji: the emoji answers a thanks (_targets)
_WELCOME_AFTER = re.compile(
    rf"[\s{TYE}{EMO}{_UEMOJI}]*(?:anytime|any time|no problem|no prob|np|you'?re welcome|yw|my pleasure|happy to help|"
    r"de nada|con gusto|avec plaisir|gerne|gern geschehen|de rien|disponha|prego|rica ederim)\b"
)
_WELCOME_BEFORE = re.compile(
    r"\b(?:it'?s nothing|it was nothing|koi baat nahi|you'?re welcome|anytime|my pleasure|happy to help|de nada|"
    r"de rien|gern geschehen|no hay de qu[eé])\b[^.!?\n]*$"
)
_APOLOGY_AFTER = re.compile(rf"[^.!?\n]{{0,50}}?(?:\b(?:{_APOLOGY_WORDS})\b|{_APOLOGY_NOSPACE})")
_PRONOUN_AND = re.compile(
    r"\b(?:her|him|them|ella|él|elle|lui|sie|ihn|ihr|ihm|ela|ele|lei|haar|hem) (?:(?:and|y|et|und|e|en)\b|&)"
)
_PRONOUN_FIRST = frozenset("htesilaé")
_QUOTE_SPAN = 120  # the longest stretch of a quoted phrase on either side of its thanks
# The closing single quote of a quoted phrase: not an apostrophe inside a word ("you're"), after a non-space.
_SINGLE_QUOTE_CLOSES = re.compile(r"(?:[^'’\n]|(?<=\w)['’](?=\w))*?(?<=\S)['’](?!\w)")
_QUOTE_OPEN = re.compile('["“„«»「『]')
# (opening, closing) quotation marks; "»…«" is the German/Danish order.
_QUOTE_PAIRS = (("“", "”"), ("„", "“"), ("«", "»"), ("»", "«"), ("「", "」"), ("『", "』"))


def _quoted(low: str, cs: int, ce: int, n: int, pairs: bool) -> bool:
    """Whether the cue at cs..ce sits between double quotation marks on its line ('"' only unless `pairs`)."""
    lo = max(0, cs - _QUOTE_SPAN)
    lo = low.rfind("\n", lo, cs) + 1 or lo
    nl = low.find("\n", ce, ce + _QUOTE_SPAN)
    hi = nl if nl != -1 else min(n, ce + _QUOTE_SPAN)
    if low.count('"', lo, cs) % 2 == 1 and low.find('"', ce, hi) != -1:
        return True
    if not pairs:
        return False
    for opening, closing in _QUOTE_PAIRS:
        o = low.rfind(opening, lo, cs)
        if o != -1 and low.rfind(closing, o + 1, cs) == -1 and low.find(closing, ce, hi) != -1:
            return True
    return False


# The marks that open a point of a list: "•", "-", an en or em dash ("— <@A> for the rota"), an arrow.
_MARKS = "•*·◦▪\\-–—→▸‣►"
# One line of a list of people, each with what they did: "• <@A> for the translations", "<@A> — 100% CSAT".
_LIST_ITEM = re.compile(rf"[ \t]*(?:[{_MARKS}]\s*)?(?P<m>{_MLIST})\s*(?:{_FOR}\b|[—–\-:(])")
_LIST_LINE = re.compile(rf"\n[ \t]*(?:[{_MARKS}]\s*)?{M}")
_POINT_LINE = re.compile(rf"\n[ \t]*(?:[{_MARKS}]|\d{{1,2}}[.)])\s[^\n{M[1:-1]}]*{M}")
_HEADER_TAIL = re.compile(r"[^.!?;\n]*$")


_BULLET = re.compile(rf"[ \t]*(?:[{_MARKS}・]|\d{{1,2}}[.)])\s")
# A point of a list that opens with its people: "・<@A> さんの SNS キャンペーン経由の予約 31件！本当にありがとうございます".
_BULLET_PEOPLE = re.compile(rf"[ \t]*(?:[{_MARKS}・]|\d{{1,2}}[.)])\s*(?P<m>{_MLIST})")
_ASSIGNED = re.compile(
    r"\b(?:will|to (?:present|own|lead|send|do|review)|owns?|needs|chasing|next (?:week|up)|tbd|todo|pending|"
    r"wird|va|irá|vai|zal|ska|będzie|going to|gonna|tomorrow|semana que vem|la semana que viene|nächste woche|"
    r"la semaine prochaine|la prossima settimana|volgende week|nästa vecka)\b"
)
# Meeting notes naming owners: "<@A> to rerun the forecast", "<@A> walking 2 guests to the partner hotel".
_OWNER = re.compile(rf"{M}(?:{_HONORIFIC})?\s+(?:to [^\W\d_]+|[^\W\d_]{{2,}}ing)\b")
# A thanks for coming to a meeting is not for the work its notes list: "Thanks all for joining!"
_FOR_ATTENDING = re.compile(
    r"[^\n.!?]{0,20}?\bfor (?:joining|coming|attending|being here|showing up|your time|participating|tuning in|"
    r"listening|the (?:meeting|call|sync|discussion))\b"
)


def _listed(low: str, ids: list[str], line_starts: list[int], cue: _Cue, group: bool, reqs: list[int]) -> list[str]:
    """People listed one a line with what each did, under a thanks that heads the list ("People to
    thank:", "Shout-outs this week") or above a thanks to them all on a line of its own ("Thank you
    all"; a bare "Thanks!" after a list of assignments signs off)."""
    _, cue_start, cue_end = cue
    if _FOR_ATTENDING.match(low, cue_end):
        return []
    li = bisect_right(line_starts, cue_start) - 1
    people: list[str] = []
    # the list may start after a blank line: "Shout-outs for the all-hands, in case I forget:\n\n• <@A> and <@B>…"
    first = li + 2 if li + 2 < len(line_starts) and line_starts[li + 2] - line_starts[li + 1] <= 1 else li + 1
    # The cheap test first: most lines after a thanks do not open with a mention.
    if (
        first < len(line_starts)
        and _header_item(low, line_starts, first, reqs)
        and _HEADER_TAIL.match(low, cue_end, line_starts[li + 1] - 1)
        and not _MENTION_RE.search(low, line_starts[li], line_starts[li + 1])
    ):
        for i in range(first, len(line_starts)):
            item = _header_item(low, line_starts, i, reqs)
            if not item:
                break
            people.extend(_mentions(item.group("m"), ids))
    if not people and group and li >= 2 and not low[line_starts[li] : cue_start].strip(f" \t{TYE}{EMO}"):
        items = []
        for start in reversed(line_starts[:li]):
            item = _LIST_ITEM.match(low, start)
            if not item:
                break
            items.append(_mentions(item.group("m"), ids))
        if len(items) >= 2:
            people = [uid for item in reversed(items) for uid in item]
    if not people and group and li >= 2 and not low[line_starts[li] : cue_start].strip(f" \t{TYE}{EMO}"):
        # A recap of bullets or numbered points, some naming who did what, above "Thank you all": everyone
        # named in them — not a point that asks or assigns ("<@A> will own that", "<@B> chasing references"). The
        # recap may end a blank line above the thanks: "• <@C> – pokazała mi, jak QA myśli\n\nDzięki wam wszystkim".
        above = li
        while above >= 2 and not low[line_starts[above - 1] : line_starts[above]].strip():
            above -= 1
        items = []
        for i in range(above - 1, -1, -1):
            start, end = line_starts[i], line_starts[i + 1]
            if not _BULLET.match(low, start, end):
                if _HEADING_LINE.match(low, start, end - 1) and _TODO_HEADING.search(low, start, end):
                    items = []  # "*Actions*:\n1. Property tests across all tz transitions, <@A>": work to do
                break
            if _tells_work_done(low, start, end, reqs):
                items.append(_mentions(low[start:end], ids))
        if sum(1 for item in items if item) >= 2:
            people = [uid for item in reversed(items) for uid in item]
    return people


# "-해 주셔서" / "-해줘서" (for having done) ending right before a Korean thanks…
# …and in Japanese, "-てくださって" / "-てくれて" / "-てもらって" / "-ていただいて": "<@B> ぜひお願いします！<@A> さん、つないで
# くださってありがとうございます"
_DONE_BEFORE_THANKS = re.compile(
    r"(?:주셔서|줘서|주어서|셔서|くださって|下さって|くれて|もらって|いただいて|頂いて)\s*"
    r"(?:(?:너무|정말|진짜|넘|다시 한번|항상|本当に|ほんまに|ほんとに)\s*)?$"
)


def _only_people_named(low: str, ids: list[str], reqs: list[int], cs: int, ce: int) -> list[str]:
    """Everyone a message names, in order, when they all come before the thanks at `cs`..`ce` and nothing was asked of
    them or given them to do before it ("<@A> and <@B> will fix it. Thank you both" is for work to come); else []."""
    if _MENTION_RE.search(low, ce) or (reqs and reqs[0] < cs) or _ASSIGNED.search(low, 0, cs):
        return []
    return list(dict.fromkeys(_mentions(low[:cs], ids)))


def _in_later_point(low: str, line_starts: list[int], req: int, cs: int) -> bool:
    """Whether the thanks at `cs` is in a point of a list (a bullet or a number opens its line) after the line of the
    request at `req`."""
    li = bisect_right(line_starts, cs) - 1
    return li > bisect_right(line_starts, req) - 1 and _BULLET.match(low, line_starts[li]) is not None


def _header_item(low: str, line_starts: list[int], i: int, reqs: list[int]) -> re.Match[str] | None:
    """Line `i` as an item of a list under a thanks that heads it: its people then what they are thanked for
    ("<@A> — the migration", "<@A> for the docs"), or a point saying what they did ("• <@A> und <@B> haben die
    Artikel übersetzt") — not one that gives them work or asks ("• <@C> will own the rollout")."""
    start = line_starts[i]
    item = _LIST_ITEM.match(low, start)
    if item is not None:
        return item
    item = _BULLET_PEOPLE.match(low, start)
    if item is None:
        return None
    end = line_starts[i + 1] if i + 1 < len(line_starts) else len(low)
    return item if _tells_work_done(low, start, end, reqs) else None


def _tells_work_done(low: str, start: int, end: int, reqs: list[int]) -> bool:
    """Whether a point of a list credits its people with work, rather than asking them something or handing them
    work still to do ("<@A> will own that", "<@B> chasing references", "<@C> is organising the dinner")."""
    return (
        not _ASSIGNED.search(low, start, end)
        and not _OWNER.search(low, start, end)
        and bisect_left(reqs, start) == bisect_left(reqs, end)
        and not _present_item(low, start, end)
    )


# Words after the people of a recap point that still credit them: "led by <@A> with <@B>", "<@A> and the lazy-load
# work paid off", "<@A> for the translations", "<@A> amazing work on…".
_ITEM_LINK_WORDS = (
    "with|and|for|on|in|at|from|of|by|via|plus|who|whose|amazing|great|awesome|incredible|fantastic|brilliant|excellent|"
    "legendary|superb|stellar|outstanding|nice|good|solid|mvp|hero|legend|absolute|total|huge|big|massive|again|"
    "y|et|und|e|en|och|i|ve|и|và|dan|και|con|com|avec|mit|met|med|por|pour|für|per|voor|för|za"
)
_ITEM_LINKS = frozenset(_ITEM_LINK_WORDS.split("|"))


def _present_item(low: str, start: int, end: int) -> bool:
    """Whether a recap point gives its people work still to do: a verb not in the past right after them ("• <@A>
    pilots the new booking system", "• <@B> + <@C> train the front desk", "• <@D> is organising the dinner")."""
    m = _MENTION_RE.search(low, start, end)
    if m is None:
        return False
    after = (_MLIST_AT.match(low, m.start()) or m).end()  # (it always matches at a mention)
    w = _PAST_WORD.match(low, after)
    if w is None:
        return False  # "• <@A> — 100% CSAT", "• <@A>'s new forecast is live"
    word = w.group(1)
    if not _is_latin(word[0]):
        return False  # "・<@A> さんの…": the tense is not told by the word after the person
    if word in ("is", "are", "has", "have"):
        return _PAST_AFTER.match(low, after) is None  # "<@D> is organising…", not "<@A> has rebuilt…"
    return not (word in _ITEM_LINKS or word in _PAST_OPENERS or word.endswith(_PAST_ENDINGS))


def _notified_group(low: str, r: re.Match[str], f1: str, n: int) -> bool:
    """A group named after the thanks' sentence ended, with more said after it, is told something, not
    thanked: "Thank you!! <!subteam^…> fyi, SSO is back" still thanks the thread's parent."""
    if not any(c in f1 for c in ".!?\n"):
        return False
    end = r.end("grp")
    return not _TRAIL_END.match(low, end, min(n, end + _VIEW))


# A report after a list of people thanked, not a clause the last one starts: "ขอบคุณครับ <@A> <@B> แสดงผลถูกต้องแล้วครับ",
# "ありがとう <@A> <@B> 直りました", "thanks <@A> <@B> it works now" — in Thai, Japanese and Chinese a person as
# subject takes a particle; in English the clause has a subject of its own.
_REPORT_AFTER_LIST = re.compile(r"\s*(?:[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff]|(?:it|everything)\b)")


def _report_after_list(low: str, after: int, se: int, reqs: list[int]) -> bool:
    return _REPORT_AFTER_LIST.match(low, after, se) is not None and bisect_left(reqs, after) == bisect_left(reqs, se)


_ENDS_WITH_HONORIFIC = re.compile(rf"(?<!\w)(?:{_HONORIFIC_BEFORE})\s*$")
_ZH_THANKS = ("感谢", "感謝", "谢谢", "謝謝", "多谢", "多謝")
_ZH_REPORT = re.compile(r"[^，,、。！？!?\n]*?(?:了|已经|已經|会|會|要|在|吗|嗎)")
_ZH_NEXT = re.compile(rf"[^\n.!?。！？，,、{M[1:-1]}]{{1,40}}[，,、]\s*(?P<m>{M})")
_HONOURED_NEXT = re.compile(
    rf"[^,\n.!?{M[1:-1]}]{{1,60}}(?:,\s*(?:(?:và|với)\s+)?|\s+(?:và|với)\s+)(?:{_HONORIFIC_BEFORE})\s*(?P<m>{M})"
)
# The last person of a list, after an honorific: "cảm ơn chị <@A>, anh <@B>, chị <@C> góp ý nhiều" — in Vietnamese
# the reason follows the person with no "for"; the honorific says C is still one of those thanked.
_LAST_HONOURED = re.compile(rf"(?<!\w)(?:{_HONORIFIC_BEFORE})\s*{M}$")
# …nor an honorific after the last name: "Thank you both <@A> san <@B> san for staying late"
_HONOURED_AFTER = re.compile(rf"\s*(?:{_HONORIFIC})")


def _opens_sentence(low: str, ids: list[str], ss: int, cs: int, reqs: list[int]) -> list[str]:
    """The people named at the start of the sentence from `ss` (after an opening word or two), or of the aside in
    brackets the thanks closes ("어제: 세팅 완료 (<@A> 님 VPN 도움 감사합니다)"), unless something is asked before `cs`."""
    bracket = low.rfind("(", ss, cs)
    if bracket != -1 and low.find(")", bracket, cs) == -1:
        ss = bracket + 1
    m = _MENTION_RE.search(low, ss, cs)
    if m is None or m.start() - ss > 12 or bisect_left(reqs, ss) != bisect_left(reqs, cs):
        return []
    lst = _MLIST_AT.match(low, m.start())
    return _mentions(lst.group() if lst else m.group(), ids)


# (and Hebrew, whose "that" joins the verb: "תודה שתפסת לפני שזה פג", thanks for catching it)
_THANKS_THAT = re.compile(
    r",?\s*(?:что|що)\s+[^\W\d_]|\s*ש(?=[\u05d0-\u05ea]{2})"
    # …and French "merci d'avoir…" / "merci de l'avoir trouvé" (for having done it)
    r"|\s*(?:de |d['’])(?:l['’]|m['’]|nous |les )?(?:avoir|être)\b"
)
# Japanese says that something was done FOR the speaker with a verb ending of its own: "見つけてくれた <@A> さん",
# "<@A> さんにダブルチェックいただきました", "<@A> が直してくれて", "指摘してもらった".
# Korean says it with 주다: "<@A> 님이 도커 네트워크 문제 같이 봐주셔서", "권한 세팅해준 <@A> 님", "고쳐주셨어요".
_DONE_FOR_ME = re.compile(
    r"[てで](?:くれ|もら)|いただ(?:き|い)|頂(?:き|い)|くださ(?:っ|い)|下さ(?:っ|い)|주(?:셔서|셨|신|셔)|줘서|줬|준(?= )"
)


def _done_for_me(low: str, ids: list[str], lo: int, cs: int, reqs: list[int]) -> list[str]:
    """A closing thanks after a sentence or two saying what people did for the speaker: each person named there, with
    nothing asked between ("見つけてくれた <@A> さん、即直した <@B> くん、ありがとう🙏", "数字は <@A> さんにダブルチェック
    いただきました。ありがとうございます！")."""
    if _DONE_FOR_ME.search(low, lo, cs) is None or bisect_left(reqs, lo) != bisect_left(reqs, cs):
        return []
    # each person as the doer or the one asked (a particle or a comma next), not "<@A> さん不在なので" (A is away)
    return [ids[ord(m["m"] or m["m2"] or m["m3"]) - _M0] for m in _DOER.finditer(low, lo, cs)]


_DOER = re.compile(
    rf"(?P<m>{M})(?:\s*(?:{_HONORIFIC}))?\s*(?=[、,，にがのとはもへ。！!]|이|가|께서|은|는|의|도|한테|에게|{M}|\s*$"
    # …or right before the thanks: "빠르게 검증해준 <@C> 님 정말 감사합니다", "만들어준 <@A> 님 다시 한번 감사 🙏"
    rf"|(?:(?:정말|진짜|너무|넘|다시 한번|다시한번|항상|늘)\s*)?(?:감사|고마|땡큐))"
    # …or named right after what they did for the speaker: "디자인해준 <@A> 님 문구 같이 다듬어준 <@B> 님 감사해요"
    rf"|(?<=준 )(?P<m2>{M})|(?<=주신 )(?P<m3>{M})"
)


# Nothing but punctuation and emoji left (and the Thai polite particles): the thanks ends the message.
_ENDS_MESSAGE = re.compile(rf"(?:[\s!.…~{TYE}{EMO}]|ครับ|ค่ะ|คะ|นะ|จ้า)*$")
# …or nothing but the people it is said to: "Please read it before Friday 🙏 <@A> <@B>"
_PEOPLE_END_MESSAGE = re.compile(rf"[\s,:—–-]*{_MLIST}[\s!.…~{TYE}{EMO}]*$")
# A yes right before a "please": an offer accepted, not a request ("yes please send them, appreciate it <@A>").
_YES_BEFORE = re.compile(r"\b(?:yes|yeah|yep|sure|ok|okay|oui|ja|sí|si|sim)[,!]? $")
# The thanks words of the languages that put the person first and the thanks last, with what they did between
# (Japanese, Korean, Chinese, Hindi, Marathi, Tamil).
_CLOSING_THANKS = re.compile(
    r"ありがと|有難う|感謝|감사|고마|谢谢|謝謝|多谢|多謝|感谢|サンキュ|さんきゅ|땡큐|땡스|助かった|助かりました|ㄳ|ㄱㅅ|धन्यवाद|शुक्रिया|आभार|நன்றி|"
    r"あざ[すっーま]|ありざ|ありがた|恩に着|辛苦|谢了|謝了|谢啦|謝啦|感恩"
)
# The people a message opens with, then a short reaction with no clause of its own: "<@A> mega,", "<@A> はや！もう出来たの",
# "<@A> oh wow,", "<@A> perfect 🙌" — not "<@A> the WMS is slow." nor "<@A> you sent the wrong invoice."
_REACTION_OPEN = re.compile(
    rf"[\s,:]*{_MLIST}[\s,:!]*(?P<r>[^\n.?{M[1:-1]}]{{0,{_REACTION}}}?)(?:[\s,.!…~{TYE}{EMO}]|\?(?=!)|(?<=!)\?)*$"
)
_NOT_A_REACTION = re.compile(
    r"\b(?:i|i'm|i'll|we|you|your|the|my|our|is|are|was|will|need|needs|please|can|could|don't|didn't)\b"
)


_WEIGHTY_THANKS = re.compile(
    r"(?:thank you|thanks|thank u|ty)(?: (?:so|so very|very|sooo+) much| a (?:lot|ton|million|bunch)| heaps| loads)\b|"
    r"(?:tysm|tyvm)\b|(?:thanks|thank you|thx|ty) again(?=\s*(?:[,.!…]|$))|"
    # …and in the other languages: "<@A> troppo gentile, i test mi erano sfuggiti completamente. grazie davvero"
    r"(?:grazie (?:davvero|mille|di cuore|infinite)|mille grazie|muchas gracias|mil gracias|gracias de verdad|"
    r"merci beaucoup|merci infiniment|vielen dank|danke vielmals|tausend dank|herzlichen dank|muito obrigad[oa]|"
    r"obrigad[oa] mesmo|heel erg bedankt|hartelijk bedankt|super bedankt|tack så mycket|stort tack|dziękuję bardzo|"
    r"bardzo dziękuję|wielkie dzięki|çok teşekkür|большое спасибо|спасибо большое)\b"
)


def _reacted_then_thanked(low: str, cs: int) -> bool:
    r = _REACTION_OPEN.match(low, 0, cs)
    # two words at most where words are spaced: "<@A> en <@B> gaan de export oplossen. Bedankt!" is a notice
    return r is not None and len(r.group("r").split()) <= 2 and not _NOT_A_REACTION.search(r.group("r"))


def _last_starts_clause(low: str, mention_list: str, after: int, n: int) -> bool:
    """Whether the last mention of a list begins a new clause ("thanks <@A>, <@B> can you merge")."""
    if (
        not _CLAUSE_AFTER.match(low, after, min(n, after + _VIEW))
        or _LIST_ENDS_WITH_AND.search(mention_list)
        or _LAST_HONOURED.search(mention_list)
        or _HONOURED_AFTER.match(low, after)
    ):
        return False
    return "," in mention_list or not _GERUND_AFTER.match(low, after, min(n, after + 40))


# A harm right after one of these was averted or repaired: "thanks to <@A> we avoided downtime".
_AVERTED = re.compile(
    r"\b(?:avoid\w*|avert\w*|prevent\w*|no|without|never|didn'?t|did not|don'?t|won'?t|zero|fixed|fixing|resolv\w*|"
    r"recover\w*|restor\w*|caught|catch\w*|stopped|spotted|found|debugg\w*|before|instead of|rather than|less|fewer)"
    # not across a new clause: "ran at midnight UTC instead of ET and we missed the update" is a harm
    r"\b(?:(?!\band (?:we|i|they|it)\b)[^.!?\n]){0,30}$"
    # a bad number going down is good news: "the error rate went down" — within its clause, not
    # "…full of errors, we lost a day"
    r"|\b(?:errors?|latency|costs?|complaints|bugs?|flakes?|flakiness|noise|toil|p\d\d)\b[^.!?\n,;]{0,30}$"
)


# What marks a causal "thanks to <@A>" as blame even when the outcome is no known harm: irony quotes
# ("<@A>'s 'quick fix'"), a chore it leaves ("I now get to explain…", "we get to redo…"), a wry sign-off
# ("fun morning", "love that for us"), "for the record", a retry warning ("before we try it again").
_BLAME = re.compile(
    r"(?<![\w'’])['‘\"“](?!s\b)[^\W\d_][^'‘’\"“”\n]{0,40}(?<!\s)['’\"”](?!\w)"
    r"|\b(?:i|we|you) (?:now |then |also |still )?(?:get|got|have|had|need) to (?:explain|apologi[sz]e|redo|re-?do|"
    r"re-?run|rebuild|re-?enter|clean up|deal with|spend|tell|answer|call|email|write to)\b"
    r"|\bfun (?:morning|afternoon|evening|night|day|weekend|week|times)\b|\blove that for (?:us|me)\b"
    r"|\bfor the record\b|\bbefore (?:we|anyone|you) (?:try|do|run|ship|deploy|use) (?:it|that|this|them) again\b"
    # something given away to everyone by a bug: "…every old save loads with all upgrades unlocked, free endgame for
    # everyone", "everyone now gets premium for free" — not an offer made ("we can offer free shipping for everyone")
    r"|(?<!\boffer )(?<!\bgive )(?<!\boffering )(?<!\bgiving )(?<!\brun )(?<!\brunning )\bfree (?:[\w-]+ ){1,2}?"
    r"for every(?:one|body)\b|\bevery(?:one|body) (?:now )?(?:gets?|got|has) (?:[\w-]+ ){1,2}?for free\b"
    # a sale at a giveaway price: "we sold the presidential suite for €79", "booked the ballroom for free"
    r"|\b(?:sold|booked|priced|rented|listed|let|gave away|charged)\b[^.!?\n]{0,40}?\b(?:for|at) (?:free|nothing|zero\b|"
    r"(?:[€$£¥]|usd |eur |gbp )?0(?:[.,]0+)?(?![.,]?\d))"
    r"|\b(?:sold|booked|priced|rented|listed|let) (?:the|our) [^.!?\n]{0,40}?\b(?:for|at) (?:[€$£¥]|usd |eur |gbp )?"
    r"\d{1,2}(?:[.,]\d{1,2})?(?![\d.,]*\s?(?:[km]|bn|million|thousand|each|per|a (?:night|head|room|person)|/\w+)\b)(?![.,]?\d)"
)
# A harm named before a causal "thanks to" is blamed on it ("we lost most of Tuesday thanks to <@A>'s
# plan", "today's outage was thanks to <@A>") — unless a turn comes between ("the site went down, but
# thanks to <@A> it was back in five minutes").
_TURN = re.compile(
    r"\b(?:but|luckily|fortunately|thankfully|though|however|yet|until|till|then|now|after|back|again|"
    r"recover\w*|restor\w*|fix\w*|resolv\w*|solv\w*)\b|[,;:]"
)


def _harm_caused(low: str, start: int, cs: int) -> bool:
    for m in _HAS_NEG.finditer(low, start, cs):
        if not _AVERTED.search(low, max(start, m.start() - 40), m.start()) and not _TURN.search(low, m.end(), cs):
            return True
    return False


# …or ended right after it is named: "…duplicate-email complaints dropped to zero today", "the duplicate emails stopped"
_ENDED_AFTER = re.compile(
    r"[^.!?\n,;]{0,30}?\b(?:dropped to (?:zero|0|nothing|none)|(?:went |are |is |were |was )?down to (?:zero|0|none)|"
    r"(?:are|is|were|was) gone|stopped(?! (?:working|loading|syncing|sending|responding))|disappeared|went away)\b"
)


def _harmed(low: str, start: int, end: int) -> bool:
    """Whether the text names a harm that was not averted ("…we lost a day", not "…we avoided an outage")."""
    for m in _HAS_NEG.finditer(low, start, end):
        if not _AVERTED.search(low, max(start, m.start() - 40), m.start()) and not _ENDED_AFTER.match(
            low, m.end(), end
        ):
            return True
    return False


# "especially" between "and" and the next person: "and especially to <@A> for…", "i sobretot a <@A> pel…" (a list of
# its own: the longer _ESPECIALLY_WORDS would also take "en especial a <@A> por X y a <@B> por Y" here and give B A's
# reason)
_ESPECIALLY_AFTER_AND = (
    "especially|above all|most of all|sobre todo|especialmente|sobretot|especialment|surtout|besonders|vor allem|"
    "soprattutto|in particolare|sobretudo|principalmente"
)
_AND_FOR_NEXT = re.compile(
    rf"[\s¡)）{TYE}{EMO}{_UEMOJI}]*(?:\b(?:{_JOIN}|also|plus)\b|&)\s+(?:(?:{_ESPECIALLY_AFTER_AND}),?\s+)?{_LINKS_BEFORE}"
    rf"(?P<m>{_MLIST})\s*"
    # (or what they did in a clause of their own: "And especially <@A>, who stayed 14 hours", "I especialment a <@A>,
    # que ha estat 14 hores amb Grafana obert")
    rf"(?:{_FOR}\b\s*(?P<reason>[^\n.!?{M[1:-1]}]{{0,300}})|,?\s*(?P<rel>(?:who|que|qui|che|die|der|som)\b[^\n.!?{M[1:-1]}]{{0,200}}))"
)
_AND_TO_FOR = re.compile(
    rf"[\s,]\b(?:{_JOIN})\s+(?:(?:also|{_ESPECIALLY_AFTER_AND})\s+)?(?:(?:to|a|à|an|aan|till|dla|kepada|ao|aos|al|ai|alla|às)\s+)?"
    rf"(?P<m>{_MLIST})\s*{_FOR}\b\s*(?P<reason>[^\n.!?{M[1:-1]}]{{0,300}})"
)
# A thanks to people it will name one by one: "… dar las gracias a algunas personas.", "… thank a few people:"
_SOME_PEOPLE = re.compile(
    r"\s*(?:(?:to|a|à|an|ao|aos|dla|aan|till)\s+)?(?:algunas|unas|varias|some|a few|several|the following|these|"
    r"quelques|plusieurs|einigen|ein paar|alguns|algumas|várias|kilku|enkele|några)\s+"
    r"(?:personas|people|persons|personnes|menschen|leuten|leute|pessoas|osobom|mensen|personer|folks|colleagues|"
    r"compañeros|collègues|kollegen|colegas)\b[^\n.!?]{0,40}[.:!]?\s*$"
)
# …one a sentence: "A <@A>, por…", "Y a <@B>, que…", "To <@C>, who…", "Et à <@D> pour…"
_TO_PERSON = re.compile(
    rf"\s*(?:(?:{_AND}|and also|and finally|finally|y por último|et enfin)\s+)?(?:to|a|à|an|ao|à|dla|aan|till)\s+"
    rf"(?P<m>{_MLIST})\s*[,:(—–-]?\s*(?:{_FOR_WORDS}|who|que|qui|die|der|che|który|która|som|for being|for always)?\b"
)


def _sentence_end(low: str, pos: int, n: int) -> int:
    """Where the sentence that `pos` is in ends (after its punctuation), or `n`."""
    punct = _SENT_PUNCT.search(low, pos)
    return punct.end() if punct else n


_AND_NEXT = re.compile(
    # (with the Czech, Slovak and Polish "a" of _JOIN_PEOPLE)
    rf"[\s{TYE}{EMO}{_UEMOJI}]*(?:{_AND}|a)\s+{_LINKS_BEFORE}(?P<m>{_MLIST})\s*{_FOR}\b(?! the record\b)"
)
_BOTH_AFTER = re.compile(rf"[\s,、，]*{_alternation(_BOTH_WORDS)}\b")
# What the thanks to both is for, right after it: "gracias a los dos por sacarlo", "thanks both for the numbers"
_FOR_AFTER_BOTH = re.compile(rf" (?:{_FOR_WORDS}|đã) ")  # (Vietnamese "Cảm ơn 2 chị đã hy sinh máy cũ": who did)
# The people named right after "thanks both": "Tackar båda! <@A> <@B>"
_LIST_AFTER_BOTH = re.compile(rf"[\s!.,:;…{TYE}{EMO}]*(?P<m>{_MLIST})")
# The one person a message ends with, after the thanks: "谢谢静姐安排 🥳 <@A>" (see _targets).
# (an exclamation may come between, as after "谢谢静姐！"; a full stop ends the thanks: "谢谢。构建又红了 <@A>")
_SIGNED_TO = re.compile(rf"[^\n.!?。！？{M[1:-1]}]*[!！]*[^\n.!?。！？{M[1:-1]}]*{M}[\s!.…{TYE}{EMO}{_UEMOJI}]*$")
_SIGNED_TO_SPAN = 60
_TRAIL_END = re.compile(rf"[\s,!.…{TYE}{EMO}{_UEMOJI}]*(?:$|\n|[!.?])")
# …or after a closing adverb: "appreciate you picking that up <@A>, seriously"
_TRAIL_ADVERB_END = re.compile(
    rf"(?:,? (?:seriously|really|truly|honestly|for real|again|man|mate))?{_TRAIL_END.pattern}"
)
# Not a turn: "I appreciate that the timeline is tight <@A>, but we can't skip the load test".
_CLAUSE_BREAK = re.compile(r"(?:\s*[,;—–]|\s+-)(?!\s*(?:but|though|however|although|yet|except|still|unfortunately)\b)")
_OBJECT_THEN_M = re.compile(rf"(?P<obj>(?: [^\W_][\w'’]*){{1,8}}) (?P<m>{_MLIST})")


_TR_THANKS_STARTS = ("teş", "tes", "sağ", "sag", "tşk", "tsk", "eyv")
_TR_YOU_DID_FOR = re.compile(r"[dt][ıiuü]ğ[ıiuü]n (?:için|icin)\b")
# A person something was done for or with, not the one thanked: "<@A> için rapor hazırladım", "<@A> ile konuştuk"
_TR_NOT_THANKED = re.compile(r"\s*(?:için|icin|ile|tarafından)\b")


def _named_between(low: str, ids: list[str], lo: int, hi: int, not_thanked: re.Pattern[str]) -> list[str]:
    """The people mentioned from lo to hi, but those `not_thanked` matches right after."""
    return [ids[ord(m.group()) - _M0] for m in _MENTION_RE.finditer(low, lo, hi) if not not_thanked.match(low, m.end())]


def _reasons_before_tr(low: str, ids: list[str], ss: int, cs: int) -> list[str]:
    """The people named before a Turkish thanks whose reasons come first, each but those something was done for."""
    return _named_between(low, ids, ss, cs, _TR_NOT_THANKED)


_KO_THANKS_STARTS = ("감사", "고마", "고맙")
# What says the people named before a Korean thanks are the ones it is for: "-해 주셔서" (because you did), "덕분" (thanks
# to), "주신" (who gave), "다들" / "모두" (all of you)
_KO_REASON_BEFORE = re.compile(r"주셔서|줘서|덕분|주신|다들|모두")
# …but not the one something is passed to or done to: "<@A> 님께 연결해드릴게요", "장하오 님이 <@B> 님을 소개해주신 덕분에"
_KO_NOT_THANKED = re.compile(r"\s*(?:님|씨)?\s*(?:께|에게|한테|을|를)")

# One person credited with 덕분 (thanks to) right after their name: "<@A> 님 네트워크 덕분에 원인을 엄청 빨리 확인했어요.
# 감사합니다!!" (thanks to A's network…)
_DUKBUN = re.compile(
    rf"(?P<m>{M})\s*(?:님|씨)?(?:의|이|가)?(?:\s*[^\s.!?\n{M[1:-1]}]{{1,12}}){{0,3}}\s*덕분"
    rf"(?![^.!?\n]{{0,40}}?(?<!안 )(?:{_KO_HARM}))"  # not blame ("<@A> 덕분에 토요일 날렸어요"), but "일정 안 꼬였어요"
)


def _reasons_before_ko(low: str, ids: list[str], ss: int, cs: int, ps: int) -> list[str]:
    """The people named before a Korean thanks that says what for first, in its sentence (or the one before, starting
    at `ps`, when the thanks opens a sentence of its own)."""
    lo = ps if not low[ss:cs].strip() else ss
    if "?" in low[lo:cs] or not _KO_REASON_BEFORE.search(low, lo, cs):
        return []
    named = _named_between(low, ids, lo, cs, _KO_NOT_THANKED)
    if len(named) > 1:
        return named
    # one person only when credited with 덕분 right after their name, not in blame: "<@A> 님 네트워크 덕분에 원인을 빨리
    # 확인했어요. 감사합니다!!" (one person before a thanks is otherwise found by the rules that read the person before it)
    return [uid for m in _DUKBUN.finditer(low, lo, cs) if (uid := ids[ord(m.group("m")) - _M0]) in named]


def _left(low: str, cs: int, ss: int) -> str:
    """The mention list just before a cue ("<@A> <@B>: thank you"), crossing at most into a vocative
    sentence ("<@A>! thanks") — mentions ending another sentence ("fixed by <@A>. thanks") do not count."""
    lo = max(0, cs - _LEFT_WINDOW)
    window = low[lo:cs][::-1]
    m = _LEFT_REV.match(window)
    if not m or not m.group("m"):
        return ""
    crossed = any(c in m.group("f") for c in ".!?\n") or lo + len(window) - m.end("m") < ss
    if crossed:
        before = low[max(0, lo + len(window) - m.end() - 40) : lo + len(window) - m.end()]
        if before.strip() and not re.search(r"[.!?\n]\s*$", before):
            return ""
    return m.group("m")[::-1]  # the match was read backwards: reverse it so mentions keep their order


# ---------------------------------------------------------------------------------------------
# Step 6, the learned weighing. The rules above are written from the families of thanks seen so far; each new
# team's chat brings forms they have not met. A logistic regression trained on every labelled message in tests/data
# (tools/train_thanks_model.py) weighs each person a message could thank, with the rules' own answer among its
# features, and has the last word for messages in which the scan found a word of thanks. Its weights are hashed
# features (CRC-32 of a feature's text, so the same in every process; a word pair's bucket mixed from its two words')
# in thanks_model.bin beside this file; without that file, or with a damaged one or one of another version, the rules
# answer alone. The bot reads a message once and adds its weights once (_Weights.totals); model_buckets lists the same
# features one by one, for training.

MODEL_FILE = "thanks_model.bin"
# 2: a word pair counts as often as the message has it, and its bucket is mixed from its two words' "b:" buckets (a
# file of version 1 weighs other features: the rules then answer alone, as without a file)
_MODEL_MAGIC = b"giveback-thanks-model 2\n"
_MODEL_CANDIDATES: Final = 20  # people weighed per message; later ones keep the rules' answer (work stays linear)
_MODEL_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
# The same tokens for an ASCII word of the lowercased text, found faster
_MODEL_TOKEN_ASCII = re.compile(r"[a-z]+|\d+|\S")
# A pair's bucket is (a × _PAIR_MIX + b) mod 2**bits of its words' "b:" buckets: odd (2**16 / the golden ratio), so it
# spreads pairs as evenly as words; small, so the native build multiplies without leaving machine integers
_PAIR_MIX: Final = 40503


class _Weights:
    """The model: one weight per hashed feature (int16, times `scale`), a bias and the decision threshold."""

    __slots__ = ("bias", "loaded", "mask", "scale", "threshold", "values")

    def __init__(self, data: bytes | None) -> None:
        self.loaded = False
        self.mask = 0
        self.scale = self.bias = 0.0
        self.threshold = 0.5
        self.values: list[int] = []
        if data is None or not data.startswith(_MODEL_MAGIC):
            return
        try:  # "<bits> <scale> <bias> <threshold>\n", then 2**bits little-endian int16 weights
            head_end = data.index(b"\n", len(_MODEL_MAGIC))
            bits, scale, bias, threshold = data[len(_MODEL_MAGIC) : head_end].split()
            width, numbers = int(bits), (float(scale), float(bias), float(threshold))
            values = array("h")
            values.frombytes(data[head_end + 1 :])
        except ValueError:  # a damaged file: the rules answer alone, as without one
            return
        if sys.byteorder != "little":
            values.byteswap()
        if not 0 < width <= 30 or len(values) != 1 << width or not all(map(math.isfinite, numbers)):
            return
        # A list, not the array: the native build indexes a list several times faster. Equal weights share one int
        # object, so the list costs about 2.5 MB rather than 7.
        shared: dict[int, int] = {}
        self.values, self.mask = [shared.setdefault(v, v) for v in values], (1 << width) - 1
        self.scale, self.bias, self.threshold = numbers
        self.loaded = True

    def total(self, buckets: list[int]) -> int:
        """The sum of these buckets' weights."""
        values = self.values
        total = 0
        for bucket in buckets:
            total += values[bucket]
        return total

    def totals(self, reading: _Reading, candidates: list[_Candidate]) -> list[int]:
        """The sum of each candidate's features' weights: what `total` of `_candidate_buckets` gives, without listing
        them. The message's words and pairs are added once; each candidate then changes only the words and pairs at
        its own mention."""
        values = self.values
        words: dict[int, int] = {}  # family → the message's words' weights, each on its own and in the family
        pairs = 0  # each word pair as often as the message has it, up to _PAIR_REPEATS times
        if reading.repeats < _PAIR_REPEATS:
            pairs = self.total(reading.pairs)
        else:
            for bucket, count in _pair_counts(reading).items():
                pairs += values[bucket] * min(count, _PAIR_REPEATS)
        me, other = reading.me, reading.other
        out: list[int] = []
        for cand in candidates:
            family = cand.family
            if family not in words:
                total = 0
                for entry in reading.word_entries:
                    total += values[entry[_W]] + values[entry[family]]
                words[family] = total
            total = words[family] + pairs + self.total(cand.rest)
            if cand.at:  # their mention reads "@C", and "@O" goes when no other's mention is left
                total += values[me[_W]] + values[me[family]]
                if reading.others_named == len(cand.at):
                    total -= values[other[_W]] + values[other[family]]
            changed = _changed_pairs(reading, cand.at, me)
            if reading.repeats + len(changed) < _PAIR_REPEATS:
                for j, bucket in changed:
                    total += values[bucket] - values[reading.pairs[j]]
            else:
                total += _pairs_change(values, reading, changed)
            out.append(total)
        return out

    def probability(self, total: int) -> float:
        """The model's probability that a candidate whose features' weights add up to `total` is thanked."""
        z = self.bias + self.scale * total
        if z < 0:  # (written so that no exponent is large, whatever the weights add up to)
            e = math.exp(z)
            return e / (1.0 + e)
        return 1.0 / (1.0 + math.exp(-z))


_WEIGHTS: _Weights | None = None


def _weights() -> _Weights:
    """The model, read once from MODEL_FILE beside this module (an empty model, so rules alone, when it is missing)."""
    global _WEIGHTS
    with _COMPILING:
        if _WEIGHTS is None:
            try:
                with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), MODEL_FILE), "rb") as f:
                    _WEIGHTS = _Weights(f.read())
            except OSError:
                _WEIGHTS = _Weights(None)
        return _WEIGHTS


def _unspaced(ch: str) -> bool:
    """Scripts written without spaces between words (kana, CJK, Hangul, Thai): read as characters and pairs."""
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0x0E00 <= o <= 0x0E7F


_WORD_TOKENS: dict[str, list[str]] = {}  # a whitespace-separated word → its tokens

_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _model_tokens(low: str) -> list[str]:
    """The words, numbers and other characters of the normalised text, unspaced scripts as characters and pairs.
    (A token reads as its first 20 characters: `_token_entries` cuts longer ones.) No token spans whitespace, so the
    text's tokens are its words' (split at whitespace, as the patterns' \\S reads it) one after another; the same
    words recur from message to message, so each word's are found once per process."""
    memo = _WORD_TOKENS
    if len(memo) > _TOKEN_MEMO_MAX:
        memo.clear()
    found: list[str] = []
    for word in low.split():
        of_word = memo.get(word)
        if of_word is None:
            of_word = _word_tokens(word)
            if len(word) <= _TOKEN_CHARS:
                memo[word] = of_word
        found += of_word
    return found


def _word_tokens(word: str) -> list[str]:
    """The tokens of one whitespace-separated word."""
    if word.isascii():
        return _MODEL_TOKEN_ASCII.findall(word)
    tokens: list[str] = _MODEL_TOKEN.findall(word)
    if _UNSPACED.search(word) is None:
        return tokens
    out: list[str] = []
    for t in tokens:
        if len(t) > 1 and _unspaced(t[0]):
            for i in range(len(t)):
                out.append(t[i])
                out.append(t[i : i + 2])
        else:
            out.append(t)
    return out


def _model_candidates(ids: list[str], author: str, parent: str | None) -> list[str]:
    """Everyone a message could thank: each person mentioned, then the thread's author (never the message's)."""
    found = [u for u in dict.fromkeys(ids) if u != author]
    if parent and parent != author and parent not in found:
        found.append(parent)
    return found


# Features are read per token, by family: "w:<token>", "L1:<token>" … Each token's bucket in each family is computed
# once per process and width (the same words recur from message to message), so a feature costs an index, not a string
# and a hash. A word pair's bucket is mixed from its two words' "b:" buckets.
_PREFIXES = (
    "w:",
    *(f"{k}|{n}|w:" for k in ("m", "pm", "p") for n in range(3)),  # the word, by kind of candidate and mentions
    "PS:",
    "PE:",
    *(f"L{d}:" for d in range(1, 5)),
    *(f"R{d}:" for d in range(1, 5)),
    "b:",
)
_PREFIX_BYTES = [prefix.encode() for prefix in _PREFIXES]
# Where each family is in a token's buckets (Final: the native build reads them as constants, not as globals)
_W: Final = 0
_PS: Final = 10
_PE: Final = 11
_L: Final = 12
_R: Final = 16
_B: Final = 20
_TOKEN_MEMO: dict[int, dict[str, list[int]]] = {}  # width mask → token → its bucket in each family
_TOKEN_MEMO_MAX: Final = 100_000
_TOKEN_CHARS: Final = 20  # a token reads as its first 20 characters (and only such tokens are remembered)


_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def _memo(memos: dict[int, dict[_Key, _Value]], mask: int, limit: int) -> dict[_Key, _Value]:
    """The memo for hash width `mask` in `memos`, emptied once it holds more than `limit` entries (memory stays
    bounded whatever the traffic; the memos only save work, answers never depend on them)."""
    memo = memos.get(mask)
    if memo is None or len(memo) > limit:
        memo = memos[mask] = {}
    return memo


def _token_entries(tokens: list[str], mask: int) -> list[list[int]]:
    """Each token's bucket in each family of _PREFIXES."""
    memo = _memo(_TOKEN_MEMO, mask, _TOKEN_MEMO_MAX)
    out: list[list[int]] = []
    for token in tokens:
        entry = memo.get(token)
        out.append(_new_entry(token, memo, mask) if entry is None else entry)
    return out


def _new_entry(token: str, memo: dict[str, list[int]], mask: int) -> list[int]:
    """The buckets of a token not met before in this process (its first 20 characters), remembered if that is all."""
    data = token[:_TOKEN_CHARS].encode()
    entry = [zlib.crc32(prefix + data) & mask for prefix in _PREFIX_BYTES]
    if len(token) <= _TOKEN_CHARS:
        memo[token] = entry
    return entry


def _pairs(entries: list[list[int]], mask: int) -> list[int]:
    """The buckets of the word pairs, in order."""
    pairs: list[int] = []
    for i in range(1, len(entries)):
        pairs.append((entries[i - 1][_B] * _PAIR_MIX + entries[i][_B]) & mask)
    return pairs


_KIND_NAMES = ("m", "pm", "p")  # a candidate mentioned, mentioned and the thread's author, only the thread's author
_SHARED_MEMO: dict[int, dict[tuple[bool, int, bool, tuple[str, ...], tuple[str, ...], bool], list[list[int]]]] = {}
_NEAR_MEMO: dict[int, dict[tuple[bool, str, bool, int, bool, int], list[int]]] = {}
_FEATURE_MEMO_MAX: Final = 10_000


def _bucket(feature: str, mask: int) -> int:
    return zlib.crc32(feature.encode()) & mask


def _shared_buckets(key: tuple[bool, int, bool, tuple[str, ...], tuple[str, ...], bool], mask: int) -> list[list[int]]:
    """The message-wide features' buckets, by candidate (index 2 × kind + what the rules said): the rules' answer at
    all, the number of mentions, reply or not, the kinds of cue and cancelling phrase the scan found, a request; what
    the rules said of the candidate, alone and with each of those ("ryes=True|kill:tia": how far to trust the rules
    depends on which phrases the message has); and the kind of candidate. Few messages differ in these, so each
    combination is hashed once per process and width."""
    memo = _memo(_SHARED_MEMO, mask, _FEATURE_MEMO_MAX)
    found = memo.get(key)
    if found is None:
        rany, nm, reply, cue_kinds, kill_kinds, req = key
        base = [f"rany={rany}", f"nm={nm}", f"reply={reply}"]
        base += [f"cue:{k}" for k in cue_kinds] + [f"kill:{k}" for k in kill_kinds] + (["req"] if req else [])
        base_buckets = {_bucket(f, mask) for f in base}
        said = [{_bucket(f"ryes={s}{f}", mask) for f in ["", *(f"|{f}" for f in base)]} for s in (False, True)]
        found = memo[key] = [
            sorted(base_buckets | said[s] | {_bucket(f"ctype={kind}", mask)}) for kind in _KIND_NAMES for s in (0, 1)
        ]
    return found


def _near_buckets(key: tuple[bool, str, bool, int, bool, int], mask: int) -> list[int]:
    """The buckets of a mentioned candidate's place among the mentions (up to the fourth) and of the cue nearest their
    mention: its kind, side and distance (in 20s of characters, up to 100), whether it is in the mention's sentence,
    and each of those with what the rules said."""
    memo = _memo(_NEAR_MEMO, mask, _FEATURE_MEMO_MAX)
    found = memo.get(key)
    if found is None:
        said, kind, after, distance, same_sentence, nth = key
        nc = f"nc:{kind}:{'a' if after else 'b'}:{distance}"
        same = f"ncsame={same_sentence}"
        found = memo[key] = [
            _bucket(f"cnth={nth}", mask),
            _bucket(nc, mask),
            _bucket(same, mask),
            _bucket(f"ryes={said}|{nc}", mask),
            _bucket(f"ryes={said}|{same}", mask),
        ]
    return found


def _nearest_cue(cues: list[_Cue], pos: int) -> _Cue:
    """The cue starting nearest `pos` (the first of two as near)."""
    near = cues[0]
    best = abs(near[1] - pos)
    for cue in cues:
        if abs(cue[1] - pos) < best:
            near, best = cue, abs(cue[1] - pos)
    return near


class _Reading:
    """One message as the model reads it, before any candidate: what the scan found (the normalised text, mentions,
    author, thread's author, cues, requests, cancelling phrases, sentence starts), its tokens with each mention as "@A"
    (the author's) or "@O" (anyone else's), each token's buckets under `mask` (_token_entries), its word pairs' buckets
    and how many of them repeat an earlier one, its distinct words and their buckets, how many tokens are others' mentions, the buckets of "@C" and "@O", and everyone
    the message could thank (_model_candidates)."""

    __slots__ = (
        "author",
        "cues",
        "entries",
        "everyone",
        "ids",
        "kills",
        "low",
        "mask",
        "me",
        "mentions",
        "other",
        "others_named",
        "pair_counts",
        "pairs",
        "parent",
        "repeats",
        "reqs",
        "starts",
        "toks",
        "word_entries",
        "words",
    )

    def __init__(
        self,
        low: str,
        ids: list[str],
        author: str,
        parent: str | None,
        cues: list[_Cue],
        reqs: list[int],
        kills: list[tuple[str, int]],
        starts: list[int],
        mask: int,
    ) -> None:
        self.low, self.ids, self.author, self.parent = low, ids, author, parent
        self.cues, self.reqs, self.kills, self.starts, self.mask = cues, reqs, kills, starts, mask
        self.toks = toks = _model_tokens(low)
        memo = _memo(_TOKEN_MEMO, mask, _TOKEN_MEMO_MAX)
        first, authors = _M0, _M0 + ids.index(author) if author in ids else -1
        last = _M0 + len(ids)  # mention tokens are first … last - 1
        entries: list[list[int]] = []
        words: list[str] = []  # a word counts once, however often the message has it
        word_entries: list[list[int]] = []
        mentions: dict[str, list[int]] = {}  # each mention token → where it is among the tokens
        seen: set[str] = set()
        others = 0
        for i, tok in enumerate(toks):
            name = tok
            if len(tok) == 1 and first <= ord(tok) < last:
                if tok in mentions:
                    mentions[tok].append(i)
                else:
                    mentions[tok] = [i]
                if ord(tok) == authors:
                    name = "@A"
                else:
                    name = "@O"
                    others += 1
            entry = memo.get(name)
            if entry is None:
                entry = _new_entry(name, memo, mask)
            entries.append(entry)
            if name not in seen:
                seen.add(name)
                words.append(name)
                word_entries.append(entry)
        self.entries, self.words, self.word_entries, self.mentions = entries, words, word_entries, mentions
        self.others_named = others
        self.pairs = _pairs(entries, mask)
        # How many pairs repeat an earlier one: while that and a candidate's changed pairs stay under _PAIR_REPEATS,
        # no pair can come more than _PAIR_REPEATS times, and the weights add up without counting (most messages).
        self.repeats = len(self.pairs) - len(set(self.pairs))
        self.pair_counts: dict[int, int] | None = None  # how often each pair comes, counted on first need
        self.me, self.other = _token_entries(["@C", "@O"], mask)  # a candidate's own mention, another's
        self.everyone = _model_candidates(ids, author, parent)


class _Candidate:
    """One person a message could thank, as the model reads them: `family` picks the word features for this kind of
    candidate (1 + 3 × kind + mentions up to 2: "pm|1|w:"), `at` is where their mention is among the tokens (each reads
    "@C"), and `rest` the other features' buckets (message-wide, nearest cue, the words around the mention)."""

    __slots__ = ("at", "family", "name", "rest")

    def __init__(self, name: str, family: int, at: list[int], rest: list[int]) -> None:
        self.name = name
        self.family = family
        self.at = at
        self.rest = rest


def _candidates(reading: _Reading, rules: set[str]) -> list[_Candidate]:
    """The first _MODEL_CANDIDATES people the message could thank, as the model reads each: what the rules said (alone
    and with each message-wide feature), the kind of candidate, and for a mention the cue nearest it and the words
    either side of it, or for the thread's author (not mentioned) the message's first and last words."""
    low, ids, author, parent, cues, mask = (
        reading.low,
        reading.ids,
        reading.author,
        reading.parent,
        reading.cues,
        reading.mask,
    )
    others = [u for u in ids if u != author]
    shared = _shared_buckets(
        (
            bool(rules),
            min(len(others), 3),
            parent is not None,
            tuple(sorted({c[0] for c in cues})),
            tuple(sorted({k for k, _ in reading.kills})),
            bool(reading.reqs),
        ),
        mask,
    )
    entries, toks = reading.entries, reading.toks
    n = len(entries)
    me = reading.me
    out: list[_Candidate] = []
    for cand in reading.everyone[:_MODEL_CANDIDATES]:
        mentioned = cand in ids
        kind = (1 if cand == parent else 0) if mentioned else 2
        rest = shared[2 * kind + (cand in rules)][:]
        family = 1 + 3 * kind + min(len(others), 2)
        if not mentioned:
            rest += [entry[_PS] for entry in entries[:3]]
            rest += [entry[_PE] for entry in entries[-3:]]
            out.append(_Candidate(cand, family, [], rest))
            continue
        char = chr(_M0 + ids.index(cand))
        at = reading.mentions.get(char, [])
        nth = min(others.index(cand), 3)
        if not at:
            rest.append(_bucket(f"cnth={nth}", mask))
            out.append(_Candidate(cand, family, at, rest))
            continue
        for p in at[:3]:  # the words either side of the mention
            for d in range(1, 5):
                if p - d >= 0:
                    rest.append((me if toks[p - d] == char else entries[p - d])[_L + d - 1])
                if p + d < n:
                    rest.append((me if toks[p + d] == char else entries[p + d])[_R + d - 1])
        pos = low.find(char)
        near = _nearest_cue(cues, pos)
        same = bisect_right(reading.starts, near[1]) == bisect_right(reading.starts, pos)
        distance = min(abs(near[1] - pos) // 20, 5)
        rest += _near_buckets((cand in rules, near[0], near[1] > pos, distance, same, nth), mask)
        out.append(_Candidate(cand, family, at, rest))
    return out


def _changed_pairs(reading: _Reading, at: list[int], me: list[int]) -> list[tuple[int, int]]:
    """(index, bucket) of each word pair that changes when the tokens at `at` read "@C" (`me`)."""
    if not at:
        return []
    entries, mask = reading.entries, reading.mask
    n = len(entries)
    mine = set(at)
    changed: list[tuple[int, int]] = []
    for j in sorted({j for i in at for j in (i - 1, i) if 0 <= j < n - 1}):
        left = me if j in mine else entries[j]
        right = me if j + 1 in mine else entries[j + 1]
        changed.append((j, (left[_B] * _PAIR_MIX + right[_B]) & mask))
    return changed


# A word pair counts as often as the message has it, up to 4 times: a list of thousands of people ("<@A> <@B> … ")
# is not weighed by how many it lists.
_PAIR_REPEATS: Final = 4


def _pairs_change(values: list[int], reading: _Reading, changed: list[tuple[int, int]]) -> int:
    """How the weight of the message's word pairs (each counted up to _PAIR_REPEATS times) changes when the pairs at
    these indexes become these buckets (a candidate's own mention reading "@C")."""
    delta: dict[int, int] = {}
    for j, bucket in changed:
        old = reading.pairs[j]
        delta[old] = delta.get(old, 0) - 1
        delta[bucket] = delta.get(bucket, 0) + 1
    counts = _pair_counts(reading)
    change = 0
    for bucket, d in delta.items():
        before = counts.get(bucket, 0)
        change += values[bucket] * (min(before + d, _PAIR_REPEATS) - min(before, _PAIR_REPEATS))
    return change


def _pair_counts(reading: _Reading) -> dict[int, int]:
    """How often each word pair comes in the message (counted once, then kept on the reading)."""
    counts = reading.pair_counts
    if counts is None:
        counts = reading.pair_counts = _counts(reading.pairs)
    return counts


def _counts(buckets: list[int]) -> dict[int, int]:
    """How often each bucket comes in the list."""
    counts: dict[int, int] = {}
    for bucket in buckets:
        counts[bucket] = counts.get(bucket, 0) + 1
    return counts


def _candidate_buckets(reading: _Reading, cand: _Candidate) -> list[int]:
    """Every feature of the candidate, as buckets: each distinct word's on its own and for the kind of candidate, each
    word pair's, as often as the message has it up to _PAIR_REPEATS times, and the rest."""
    mask = reading.mask
    me = reading.me
    words = reading.word_entries
    if cand.at:  # their mention reads "@C", and "@O" goes when no other's mention is left
        words = (
            _token_entries([w for w in reading.words if w != "@O"], mask)
            if reading.others_named == len(cand.at)
            else words[:]
        )
        words.append(me)
    pairs = reading.pairs[:]
    for j, bucket in _changed_pairs(reading, cand.at, me):
        pairs[j] = bucket
    capped = [bucket for bucket, count in _counts(pairs).items() for _ in range(min(count, _PAIR_REPEATS))]
    return [e[_W] for e in words] + [e[cand.family] for e in words] + capped + cand.rest


def _model_buckets(reading: _Reading, rules: set[str]) -> list[tuple[str, list[int]]]:
    """(candidate, the buckets of its features) for the first _MODEL_CANDIDATES people the message could thank: what
    the rules said (alone and with each of the others), the cue and cancelling phrases the scan found and the nearest
    cue, the message's words and word pairs, and the words either side of the candidate's mention (each other mention
    reads "@O", the author's "@A", the candidate's "@C"). A feature is the CRC-32 of its text ("w:thanks",
    "L1:thanks", "ryes=True") under the reading's mask. `rules`: the people the rules found thanked."""
    return [(cand.name, _candidate_buckets(reading, cand)) for cand in _candidates(reading, rules)]


# An unticked box is work still to do, as the lines under a heading of _TODO_HEADING are: "- [ ] alert on p99 — <@B>"
_TODO_BOX = re.compile(r"^[ \t]*(?:[-•*·]\s*)?\[ \][^\n]*", re.MULTILINE)


def _only_assigned(low: str, ids: list[str], cues: list[_Cue]) -> set[str]:
    """The people every mention of whom sits on a line of work still to do: a point under a heading of action items
    ("*개선할 점 / 액션아이템*\n• retry에 backoff 적용 — <@A>") or a _TODO_BOX line, with no cue of thanks on it
    ("— <@B> (ya tiene PR, gracias por adelantarte)" thanks B). They own the work; the model is not to thank them for
    being named near a thanks. One pass over the lines and one over the mentions."""
    if "[ ]" not in low and _ACTION_ITEMS_HEADING.search(low) is None:
        return set()
    line_starts = _line_starts(low)
    cue_lines = {bisect_right(line_starts, cs) - 1 for _, cs, _ in cues}
    todo_lines: set[int] = set()
    under_heading = False  # on the points right under a heading of action items
    for li, start in enumerate(line_starts):
        end = line_starts[li + 1] - 1 if li + 1 < len(line_starts) else len(low)
        if under_heading and _BULLET.match(low, start, end):
            todo_lines.add(li)
            continue
        under_heading = bool(_HEADING_LINE.match(low, start, end) and _ACTION_ITEMS_HEADING.search(low, start, end))
        if _TODO_BOX.match(low, start, end):
            todo_lines.add(li)
    todo_lines -= cue_lines
    owners = set(ids)
    for m in _MENTION_RE.finditer(low):
        if bisect_right(line_starts, m.start()) - 1 not in todo_lines:
            owners.discard(ids[ord(m.group()) - _M0])
    return owners


def _weighed(
    found: tuple[Thanks, ...], reading: _Reading, weights: _Weights, scores: list[tuple[str, float]] | None
) -> tuple[Thanks, ...]:
    """The rules' answer weighed by the model: each candidate it scores at or over its threshold is thanked (with the
    rules' reason when they found one), in the order the message names them. Each score goes to `scores` too, if
    given."""
    by_rules = {t.user_id: t for t in found}
    candidates = _candidates(reading, set(by_rules))
    kept = set(by_rules.keys() - {cand.name for cand in candidates})  # past the first _MODEL_CANDIDATES: the rules
    assigned: set[str] | None = None  # people named only as owners of work still to do, found on first need
    for cand, total in zip(candidates, weights.totals(reading, candidates), strict=True):
        probability = weights.probability(total)
        if probability >= weights.threshold:
            if cand.name not in by_rules and assigned is None:
                assigned = _only_assigned(reading.low, reading.ids, reading.cues)
            if cand.name in by_rules or cand.name not in (assigned or ()):
                kept.add(cand.name)
        if scores is not None:
            scores.append((cand.name, probability))
    return tuple([by_rules.get(uid) or Thanks(uid, None) for uid in reading.everyone if uid in kept])


# ---------------------------------------------------------------------------------------------
# NATIVE BUILD CUT — tools/build_native.py compiles this file up to here, not the lines below.
#
# `make native` (also run by `make run`, `make test` and `make bench`) compiles a copy of this file with
# mypyc into the C extension bot.detector_native (not in git), recording the SHA-256 of the source it was
# built from. It answers in place of the functions above only when that is this very file's hash: a build
# left over from other source is never used. GIVEBACK_DETECTOR=python keeps the pure-Python detector;
# GIVEBACK_DETECTOR=native makes the import fail when there is no current native build.

python_detect_thanks = detect_thanks  # the pure-Python detector, whichever one answers
PythonThanks = Thanks


def load_native(source: str | os.PathLike[str], module: str) -> ModuleType | None:
    """`module` when it imports and its SOURCE_SHA256 is the hash of the file `source`, else None."""
    import hashlib
    import importlib

    try:
        native = importlib.import_module(module)
        with open(source, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
    except Exception:  # a missing, broken or foreign build: the pure-Python detector answers
        return None
    return native if getattr(native, "SOURCE_SHA256", None) == digest else None


_CHOICE = os.environ.get("GIVEBACK_DETECTOR", "").strip().lower()
# Only as bot.detector (not a copy loaded from a path, as bench/ab_detector.py does) is there a build to look for.
_NATIVE = load_native(__file__, f"{__package__}.detector_native") if __package__ and _CHOICE != "python" else None
if _NATIVE is not None:
    detect_thanks = _NATIVE.detect_thanks
    Thanks = _NATIVE.Thanks  # type: ignore[misc]  # the native answers are instances of the native class
    warm_up = _NATIVE.warm_up  # the native module compiles its own regexes; this module's are then never needed
elif _CHOICE == "native":
    raise ImportError("GIVEBACK_DETECTOR=native, but bot/detector.py has no current native build: run `make native`")
IMPLEMENTATION = "native" if _NATIVE is not None else "python"  # which detector answers detect_thanks
