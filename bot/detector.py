# ruff: noqa: E501  (the multilingual vocabularies below read better one phrase group a line)
"""Who, if anyone, does a Slack message thank? A pure function over the raw message text.

`detect_thanks(text, author, thread_parent_author)` returns the users the author genuinely thanks
for help received, in order of first appearance, each with a short reason when the message gives
one ("thanks <@U1> for the quick review" → U1, "the quick review").

How it works (each step is linear in the text, which is capped at `MAX_CHARS`):

1. A cheap pre-filter: most Slack traffic is chatter with no word of thanks in any language, and is
   rejected by a single regex search before any other work.
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
   the sentence's addressee ("<@A> that worked, you're the best"), or in a thread reply with no one
   named, the parent's author. Mentions inside the reason ("for introducing me to <@B>"), after
   "cc", or starting a new clause ("<@B> can you merge?") are not targets.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["MAX_CHARS", "Thanks", "detect_thanks"]

# Slack's own limit for a message's text. Longer input is cut here so the work stays linear and
# bounded whatever arrives (a 10 MB line through `giveback detect` costs the same as 40,000 chars).
MAX_CHARS = 40_000
MAX_REASON = 120


@dataclass(frozen=True, slots=True)
class Thanks:
    user_id: str
    reason: str | None  # short plain text (no Slack markup, <= 120 chars), or None


# ---------------------------------------------------------------------------------------------
# Tokens. Mention k becomes chr(_M0 + k): a single character, so regexes treat a mention as one
# symbol and its user id is recovered from the character itself.
_M0 = 0xF0000
_MMAX = 0xFFFFD - _M0
M = "[\U000f0000-\U000ffffd]"
GROUP = "\ue001"  # <!here>, <!channel>, <!everyone>, <!subteam^…>
CHANNEL = "\ue002"
TYE = "\ue003"  # thanks emoji
SARC = "\ue004"  # eye-roll / upside-down face
EMO = "\ue005"  # any other emoji
CODE = "\ue006"
LINK = "\ue007"
_TOKENS = GROUP + CHANNEL + TYE + SARC + EMO + CODE + LINK

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
    ]
)

# Unicode emoji: the thanks and sarcasm ones become tokens; skin tones, ZWJ, variation selectors
# and gender signs are dropped so "🙇🏽‍♂️" reads as one bow. Arabic diacritics are dropped too
# ("شكراً" → "شكرا") so one spelling of each word suffices.
_TRANSLATE: dict[int, str | None] = {0x1F64F: f" {TYE} ", 0x1F64C: f" {TYE} ", 0x1F647: f" {TYE} "}
_TRANSLATE.update({0x1F644: f" {SARC} ", 0x1F643: f" {SARC} ", 0x1F612: f" {SARC} "})
_TRANSLATE.update(dict.fromkeys([*range(0x1F3FB, 0x1F400), 0x200D, 0xFE0F, 0x2640, 0x2642], None))
_TRANSLATE.update(dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640], None))

# ---------------------------------------------------------------------------------------------
# Pre-filter: a message with none of these stems cannot thank anyone. Deliberately permissive.
_PREFILTER = re.compile(
    r"thank|th(?:a?n?x|nks|ks)|(?<![a-z])t(?:y|ks|nx)(?![a-z])|tysm|tyvm|tyty|cheers|apprec|grateful|kudos|props"
    r"|shout|s/o|h/t|hat ?tip|hats off|big ups?|(?<![a-z])owe|saved|life[- ]?saver|rock|the best|legend|hero|mvp"
    r"|bless|:pray|:bow|bowing|raised_hands|folded_hands|\U0001f64f|\U0001f64c|\U0001f647|\+\+"
    r"|gracias|merci|dank|obrigad|valeu|grazie|(?<![a-z])tack|dzi[eę]k|te[sş]ekk|sa[gğ] ?ol|спасиб|благодар"
    r"|谢|謝|感谢|感謝|ありがと|arigat|助か|どうも|감사|고마|고맙|धन्यवाद|शुक्रिया|dhanyavaa?d|shukriya|شكر|مشكور"
    r"|תודה|c[aảá]m [oơ]n|terima kasih|makasih|trims|ευχαριστ|ขอบคุณ|ขอบใจ"
)

# ---------------------------------------------------------------------------------------------
# Markup.
_CODE_BLOCK = re.compile(r"```.*?```", re.S)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_MARKUP = re.compile(r"<([^<>\n]{0,500})>")
_SHORTCODE = re.compile(r":([a-z0-9_+'-]{1,60}):(?::skin-tone-[2-6]:)?")
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_MENTION_ID = re.compile(r"[A-Z0-9]{1,40}")


def _normalize(text: str) -> tuple[str, list[str]]:
    """Slack markup → plain text with one-character tokens; returns (text, mention ids by token)."""
    if "`" in text:
        text = _CODE_SPAN.sub(f" {CODE} ", _CODE_BLOCK.sub(f" {CODE} ", text))
    if "&gt;" in text or ">" in text:
        text = _drop_quotes(text)
    ids: list[str] = []
    index: dict[str, int] = {}

    def markup(m: re.Match[str]) -> str:
        body = m.group(1)
        head, _, label = body.partition("|")
        if head.startswith("@"):
            uid = head[1:]
            if not _MENTION_ID.fullmatch(uid):
                return " "
            k = index.get(uid)
            if k is None:
                if len(ids) >= _MMAX:
                    return " "
                k = index[uid] = len(ids)
                ids.append(uid)
            return chr(_M0 + k)
        if head.startswith("!"):
            if head.startswith(("!here", "!channel", "!everyone", "!subteam")):
                return GROUP
            return f" {label} " if label else " "  # <!date^…|fallback>
        if head.startswith("#"):
            return CHANNEL
        if label and not _PREFILTER.search(label.lower()):
            return f" {label} "
        return f" {LINK} "

    if "<" in text:
        text = _MARKUP.sub(markup, text)
    if ":" in text:
        text = _SHORTCODE.sub(_shortcode, text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_TRANSLATE))
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if "*" in text or "~" in text:
        text = text.replace("*", " ").replace("~", " ")
    if "_" in text:
        text = _EDGE_UNDERSCORE.sub(" ", text)
    return text, ids


def _shortcode(m: re.Match[str]) -> str:
    name = m.group(1)
    if name in _THANKS_EMOJI:
        return f" {TYE} "
    if name in _SARC_EMOJI:
        return f" {SARC} "
    return f" {EMO} "


def _drop_quotes(text: str) -> str:
    """Remove `&gt;` quoted lines; `&gt;&gt;&gt;` quotes everything after it."""
    out = []
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("&gt;&gt;&gt;", ">>>")):
            break
        if not stripped.startswith(("&gt;", ">")):
            out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The scan. Alternatives are tried left to right at each position, so the cancelling phrases come
# before the plain cues they contain ("thanks in advance" before "thanks").
_B = r"(?<![\w./@#-])"  # start of a Latin word (not inside a path, handle or hyphenated name)
_E = r"(?![\w])(?![.\-/]\w)"  # end of a Latin word (not "cheers.io", "thanks-page")

_TY_WORD = r"thank(?:s+|[- ]?(?:you+|u+|ya|yu|yous)|x|z)?|th(?:a?nx|nks|x|ks)|tnx|tks|tysm|tyvm|ty(?:ty)*|many thanks"
_INTENS = (
    r"(?:(?:many|huge|big|massive|special|sincere|heartfelt|warm|much|a big|a huge|a massive|"
    r"muchas|muchísimas|mil|vielen|besten|herzlichen|tausend|muito|muita|grazie|большое|огромное|"
    r"çok|tusen|wielkie|bahut|बहुत|ευχαριστώ)\s+)?"
)
_FOREIGN = (
    r"gracias|merci|danke(?: ?sch(?:ö|oe)n)?|dank (?:dir|euch|je(?: wel)?|u(?: wel)?)|dankjewel|dankuwel|bedankt|"
    r"(?:vielen|besten|herzlichen|tausend) dank|obrigad[oa]|brigad[oa]|valeu|grazie(?: mille)?|tack(?: så mycket)?|"
    r"dzi[eę]ki|dzi[eę]kuj[eę]|dzi[eę]kujemy|te[sş]ekk[uü]rler|te[sş]ekk[uü]r ederim|sa[gğ] ?ol|спасибо|спс|"
    r"благодарю|благодарим|dhanyavaa?d|shukriya|arigat(?:ou|o|ō)|terima kasih|makasih|trims|"
    r"c[aảá]m [oơ]n|cam on|ευχαριστ(?:ώ|ω|ούμε|ουμε)"
)
# Scripts without spaces (or with clitics) match without word guards.
_FOREIGN_NOGUARD = (
    r"谢谢|謝謝|感谢|感謝|多谢|多謝|谢了|謝了|ありがとう|ありがと|助かりました|どうもありがとう|"
    r"감사합니다|감사해요|감사드립니다|감사드려요|감사해|고맙습니다|고마워요|고마워|고마웠어요|"
    r"धन्यवाद|शुक्रिया|شكرا|مشكور|תודה|ขอบคุณ|ขอบใจ"
)

_SCAN = re.compile(
    # --- cancelling phrases ---------------------------------------------------------------
    rf"(?P<nothx>{_B}(?:thanks,? but no thanks|no,? thank(?:s|[- ]?you|[- ]?u)|no thx|no need to thank|"
    rf"no need for (?:the )?thanks|(?:don'?t|do not|no need to) thank (?:me|us)|no thanks? (?:needed|necessary|required)|"
    rf"nothing to thank|nein,? danke|no,? gracias|non,? merci|n[ãa]o,? obrigad[oa]|no,? grazie|nee,? bedankt|"
    rf"nej,? tack|nie,? dzi[eę]kuj[eę]|hay[ıi]r,? te[sş]ekk[uü]rler|нет,? спасибо|не за что){_E}|不用谢|不用了|不客气)"
    rf"|(?P<tia>{_B}(?:tia|thanks? in adv(?:ance)?|in advance|ahead of time|in anticipation|beforehand|advance thanks|"
    rf"thanks? for any|any (?:help|pointers|advice|input|ideas|suggestions|thoughts|feedback|assistance|insight)s?"
    rf"(?: (?:is|are|would be|will be))?(?: much| greatly| really| very much)? appreciated|"
    rf"(?:would be|will be) (?:much |greatly |really |very )?appreciated|"
    rf"(?:would|i'?d|we'?d|will|i'?ll) (?:really |greatly |much |very much |so much )?appreciate|appreciated? (?:it )?if|"
    rf"de antemano|por adelantado|d'avance|par avance|im voraus|vorab|desde j[áa]|antecipadamente|in anticipo|"
    rf"anticipatamente|alvast|bij voorbaat|på förhand|z g[óo]ry|[sş]imdiden|заранее|sebelumnya|"
    rf"εκ των προτέρων|προκαταβολικά){_E}|提前|先谢|先謝|事前に|미리|पहले से|مقدما|مسبقا|מראש|ơn trước|ล่วงหน้า)"
    rf"|(?P<sarc>{SARC}|(?<![\w/])/s{_E}|{_B}(?:thanks? for nothing|gee,? thanks?|thanks a bunch,? now){_E})"
    rf"|(?P<smalltalk>{_B}(?:thanks|thank you|thx|ty)(?: for asking|,? (?:and )?(?:you|u|yourself) ?\?)|"
    rf"(?:(?:i'?m|im|i am|doing|all|pretty|very|not too) )?(?:good|fine|not bad|alright|well|bien|bom|bem|bene|gut|goed|bra|"
    rf"dobrze|iyiyim|хорошо|нормально)[,!.]? (?:thanks|thank you|thx|ty|merci|gracias|obrigad[oa]|grazie|danke|"
    rf"dank je|tack|dzi[eę]ki|te[sş]ekk[uü]rler|спасибо){_E})"
    rf"|(?P<noop>{_B}(?:thank (?:god|goodness|heavens?|the lord|the gods|fuck|christ|jesus|science|the stars)|"
    rf"(?:the|an?) (?:thank[- ]?you|thanks)(?: \w+)?|thank[- ]?you (?:page|note|card|e-?mail|mail|letter|gift|message|"
    rf"screen|video|speech|template|button|banner|flow|step|modal|dialog|popup)s?|"
    rf"(?:the|a|an|our|your|my|this|that|his|her|their) (?:kudos|props|shout[- ]?outs?|cheers|hero|legend|mvp|thankful)|"
    rf"(?:you|u|they|he|she|did you|remember to|don'?t forget to|forgot to|should|need to|go|please) "
    rf"(?:thank|say thanks|say thank you)|give (?:{M} )?(?:some )?(?:kudos|props|a shout[- ]?out|thanks)|"
    rf"(?:said|says|say|saying) (?:thanks|thank you)){_E})"
    # --- cues -------------------------------------------------------------------------------
    rf"|(?P<karma>{M}\+\+)"
    rf"|(?P<strong>{_B}(?:(?:i|we) owe (?:you|u|ya|y'all)|owe (?:you|u|ya) (?:one|big)|i owe(?= ?{M})|"
    rf"(?:you|u)(?:'ve| have)? (?:just |really |totally |literally |seriously )?saved (?:me|my|us|our|the day)|"
    rf"saved my (?:life|day|bacon|butt|ass|skin|sanity|weekend|afternoon|morning|evening|night|week|job|neck)|"
    rf"(?:you(?:'re| are| two are| guys are| both are| all are)|youre|ur|u r|u are) (?:an? |the |such an? |my |"
    rf"absolute |total |real |true )?(?:best|greatest|star|legend|hero|gem|genius|saint|awesome|amazing|rockstar|"
    rf"wizard|life[- ]?savers?|mvp|man|goat)|life[- ]?savers?|(?:you|u) (?:rock|rule|legend|star|hero|genius|rockstar)|"
    rf"my hero|the real mvp|bless you|what a legend|absolute legend|legend(?= ?!|,? thank| ?$)){_E})"
    rf"|(?P<kudos>{_B}(?:kudos|(?:big|major|huge|mad|serious|massive) props|props(?= (?:to )?{M}| ?[!:,]| ?$| to )|"
    rf"(?:a |big |huge |massive |special )?shout[- ]?outs?|s/o|h/t|hat ?tip|hats off|big ups?){_E})"
    rf"|(?P<grat>{_B}{_INTENS}(?:{_TY_WORD}|cheers|thank|much appreciated|appreciated|"
    rf"(?:i |we |really |truly |so |greatly |very much |much )*appreciate (?:it|this|that|you|ya|u|y'all|the|all|"
    rf"your (?:help|time|support|input|feedback|review|effort|work|quick|fast|patience|assistance|advice|expertise))|"
    rf"grateful|thankful|{_FOREIGN}){_E}|{_FOREIGN_NOGUARD})"
    rf"|(?P<emoji>{TYE})"
    # --- requests (not consumed by anything above; recorded to spot "…? thanks" closings) ----
    rf"|(?P<req>[?？؟]|{_B}(?:please|pls|plz|plse|can (?:you|u|someone|anyone|somebody)|could (?:you|u|someone|anyone|somebody)|"
    rf"would (?:you|u)|will (?:you|u)|anyone|any (?:update|news|idea|chance|eta)s?|lmk|let me know|ptal|"
    rf"when you (?:get|have) a (?:sec|second|moment|minute|chance)|por favor|s'il (?:te|vous) pla[iî]t|stp|svp|bitte|"
    rf"per favore|alsjeblieft|alstublieft|snälla|prosz[eę]|l[üu]tfen|пожалуйста|vui lòng|làm ơn|tolong|mohon|"
    rf"παρακαλώ){_E}|请|お願い|부탁|कृपया|من فضلك|בבקשה|กรุณา)"
)

_KINDS_CUE = frozenset({"karma", "strong", "kudos", "grat", "emoji"})

# Sentence ends: ! ? and CJK/Arabic equivalents, newlines, and "." before a space (not "esp.").
_SENT_END = re.compile(r"[!?。！？؟\n]+|(?<!\besp)(?<!\bincl)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)\.+(?=\s|$)")

_NEG = (
    r"(?:lost|lose|losing|broke|broken|breaks|breaking|outage|down|crash\w*|fail\w*|deleted|wiped|corrupt\w*|"
    r"wasted|waste|blew up|blown up|nightmare|mess|rollback|rolled back|incident|disaster|downtime|paged|woke|"
    r"\d+ ?am|on fire|doesn'?t work|stopped working|nothing works|gone|ruined|killed)"
)
_NOW_NEG = re.compile(rf"\bnow\b[^.!?\n]{{0,80}}?\b{_NEG}\b")
_HAS_NEG = re.compile(rf"\b{_NEG}\b")

# Words that may sit between a cue and its mentions: intensifiers, "to", "you", honorifics.
_FILL_WORDS = (
    r"so|very|much|a lot|a ton|a bunch|a million|lots|loads|heaps|tons|again|too|as well|also|both|really|soo+|sm|"
    r"to|you|u|ya|yo|you both|both of you|bro|man|mate|dude|buddy|friend|sir|once again|for real|"
    r"muchas|mil|beaucoup|infiniment|à|a|schön|sehr|vielmals|dir|mille|tante|muito|muita|wel|så mycket|bardzo|wielkie|"
    r"çok|большое|огромное|очень|πολύ|πολυ|rất nhiều|nhiều|nhé|nha|banyak|bahut|ji|جزيلا|רבה|de"
)
_FILL = rf"(?:[\s,:;!\-–—~.…]|[{TYE}{EMO}]|\b(?:{_FILL_WORDS})\b|さん|様|さま|くん|君|ちゃん|先生|님|씨|兄|老师|जी|ครับ|ค่ะ|คะ|นะ|มาก)"
_SEP = r"(?:\s*[,&+/]\s*(?:(?:and|und|y|et|e|en|och|i|ve|и|và|dan|και|or)\s+)?|\s+(?:and|und|y|et|e|en|och|i|ve|и|và|dan|και|or)\s+|\s*(?:和|と|및|और|و|ו|และ)\s*|\s+)"
_MLIST = rf"{M}(?:{_SEP}{M}){{0,49}}"
_GROUPW = (
    rf"{GROUP}|\b(?:everyone|everybody|all|y'?all|you all|team|folks|guys|people|gang|crew|fam|todos|tout le monde|"
    r"tous|alle|allen|tutti|iedereen|alla|wszystkim|herkese|всем)\b|大家|皆さん|みなさん|여러분|सभी|الجميع|לכולם|mọi người|"
    r"semua|όλους|ทุกคน"
)
_FOR = r"(?:for|por|pour|für|fur|pelo|pela|per|voor|för|za|за|για|على|על|on)"
_RIGHT = re.compile(
    rf"(?P<f1>{_FILL}*)(?:(?P<grp>{_GROUPW})|(?P<pre>{_MLIST}))?(?P<f2>{_FILL}*)"
    rf"(?:\b{_FOR}\b\s*(?P<reason>[^\n.!?{M[1:-1]}]{{0,300}})(?P<post>{_MLIST})?)?"
)
# After a list: what makes its last mention the start of a new clause ("…, <@B> can you merge").
_CLAUSE_AFTER = re.compile(
    r"\s*(?!(?:for|too|again|both|who|as well|so|very|thanks?|thank you|ty|thx|on|with|y'all)\b)[^\W\d_]"
)
_ENDS_WITH_PREP = re.compile(
    r"\b(?:to|with|from|by|of|about|at|in|on|me|us|and|or|than|like|cc|ask|ping|tell|told|page|paging|"
    r"introduce|introducing|intro|introduced|connecting|connect|meet|meeting|via|a|an|the|para|à|avec|mit|con|com)\W*$"
)
_ESPECIALLY = re.compile(
    rf"\b(?:especially|esp\.?|particularly|in particular|notably|above all|most of all|specially|specifically)\b"
    rf"[\s.,:]*(?P<a>{_MLIST})|(?P<b>{_MLIST})\s*,?\s*(?:in particular|especially|above all)\b"
)
_VOCATIVE = re.compile(
    rf"[\s\W]*(?:(?:hey|hi|hello|yo|ok|okay|oh|also|and|btw|so|dear|hola|salut|hallo|hej|cześć|merhaba|привет|hai|"
    rf"olá|ciao)\b[\s,!]*)?(?P<m>{_MLIST})(?![\s,:]*(?:is|was|will|has|had|'s|said|says|told|wrote|mentioned|asked|"
    rf"isn't|can't|won't|did|does|and i|owns?)\b)"
)
_SUCCESS = re.compile(
    r"\b(?:work(?:s|ed|ing)|fix(?:ed|es)|solved|resolved|did it|did the trick|helped|helpful|perfect|awesome|amazing|"
    r"great|brilliant|exactly|makes sense|got it|clicked|unblocked|saved|figured|nice|excellent|legend|clear)\b"
)
_WEAK_REASON = re.compile(
    r"(?:any\b|all (?:your|the) help|your help|the help|help(?:ing)?\b|(?:your|the) time|looking|taking a look|"
    r"having a look|checking|reading|considering|your patience|your understanding|your attention|understanding|"
    r"your consideration|in advance)"
)

# Left of a cue, read backwards over a reversed window: fillers, then a list of mentions.
_LEFT_WINDOW = 200


def _rev_alt(words: str) -> str:
    return "|".join(re.escape(w[::-1]) for w in words.split("|"))


_LFILL_WORDS = (
    "also|and|btw|oh|ok|okay|again|so|just|really|yes|yeah|haha|lol|omg|wow|great|perfect|awesome|amazing|nice|"
    "cool|sweet|brilliant|excellent|ah|ahh|hey|hi|san|ji"
)
_LEFT_REV = re.compile(
    rf"(?P<f>(?:[\s,:;!\-–—~.…]|[{TYE}{EMO}]|\b(?:{_rev_alt(_LFILL_WORDS)})\b|"
    rf"{_rev_alt('さん|様|さま|くん|君|ちゃん|先生|님|씨|兄|老师|जी')})*)"
    rf"(?P<m>{M}(?:(?:\s*[,&+/]\s*(?:(?:{_rev_alt('and|und|y|et|e|en|och|i|ve|и|và|dan|και|or')})\s+)?|"
    rf"\s+(?:{_rev_alt('and|und|y|et|e|en|och|i|ve|и|và|dan|και|or')})\s+|\s*(?:和|と|및|और|و|ו|และ)\s*|\s+){M}){{0,49}})"
)


def _mentions(s: str, ids: list[str]) -> list[str]:
    return [ids[ord(c) - _M0] for c in s if _M0 <= ord(c) <= 0xFFFFD]


def _is_mention(c: str) -> bool:
    return _M0 <= ord(c) <= 0xFFFFD


_STRIP_TOKENS = str.maketrans({c: " " for c in _TOKENS})


def _clean_reason(raw: str, ids: list[str]) -> str | None:
    # The reason stops at the first clause break: "for the review, but I think…" → "the review".
    cut = re.split(r"[,;:—–()\[\]\"]| - | but | and i | so i | i'll | i will | btw", raw, maxsplit=1)[0]
    cut = "".join(" " if _is_mention(c) else c for c in cut).translate(_STRIP_TOKENS)
    cut = " ".join(cut.split()).strip(" '-")
    if not cut:
        return None
    if len(cut) > MAX_REASON:
        cut = cut[:MAX_REASON].rsplit(" ", 1)[0]
    return cut or None


@dataclass(slots=True)
class _Cue:
    kind: str
    start: int
    end: int


def detect_thanks(text: str, author: str, thread_parent_author: str | None = None) -> tuple[Thanks, ...]:
    """Users the author genuinely thanks, in order of first appearance, deduplicated, never the author."""
    if not text:
        return ()
    text = text[:MAX_CHARS]
    if not _PREFILTER.search(text.lower()):
        return ()
    norm, ids = _normalize(text)
    low = norm.lower()
    if len(low) != len(norm):  # a few characters change length when lowercased; keep offsets aligned
        norm = low

    cues: list[_Cue] = []
    kills: list[tuple[str, int]] = []  # (kind, position) of cancelling phrases
    reqs: list[int] = []
    for m in _SCAN.finditer(low):
        kind = m.lastgroup or ""
        if kind in _KINDS_CUE:
            cues.append(_Cue(kind, m.start(), m.end()))
        elif kind == "req":
            reqs.append(m.start())
        else:
            kills.append((kind, m.start()))
    if not cues:
        return ()

    n = len(low)
    sent_starts = [0]
    for m in _SENT_END.finditer(low):
        sent_starts.append(m.end())
    line_starts = [0]
    pos = low.find("\n")
    while pos != -1:
        line_starts.append(pos + 1)
        pos = low.find("\n", pos + 1)

    def sent_of(p: int) -> int:
        return bisect_right(sent_starts, p) - 1

    dead_sents = {sent_of(p) for kind, p in kills if kind in ("nothx", "tia")}
    dead_lines = {bisect_right(line_starts, p) - 1 for kind, p in kills if kind == "sarc"}

    voc_msg = _VOCATIVE.match(low)
    first_sent_end = sent_starts[1] if len(sent_starts) > 1 else n
    msg_voc = _mentions(voc_msg.group("m"), ids) if voc_msg and voc_msg.start("m") < first_sent_end else []
    # A message-level addressee counts for a later cue only when the message reports success.
    success = _SUCCESS.search(low) is not None

    found: dict[str, str | None] = {}
    for cue in cues:
        si = sent_of(cue.start)
        if si in dead_sents or (bisect_right(line_starts, cue.start) - 1) in dead_lines:
            continue
        ss = sent_starts[si]
        se = sent_starts[si + 1] if si + 1 < len(sent_starts) else n
        targets, reason, group = _targets(cue, low, norm, ids, ss, se, n)
        if targets is None:  # the cue was not a thanks after all ("thanks?", "thanks to X, we lost…")
            continue
        req_before = bool(reqs) and reqs[0] < cue.start
        if req_before and (reason is None or _WEAK_REASON.match(reason.lower())):
            # "…can you review? thanks": a closing to a request, unless it thanks someone who was not
            # asked anything ("<@A> can you merge? thanks <@B> for the review").
            asked = set(_mentions(low[: max(p for p in reqs if p < cue.start)], ids))
            if not targets or set(targets) <= asked:
                continue
        if not targets and not group:
            if cue.kind != "kudos":
                voc = _VOCATIVE.match(low, ss)
                if voc and voc.start("m") < cue.start:
                    targets = _mentions(voc.group("m"), ids)
                    if reqs and any(voc.start() <= p < cue.start for p in reqs):
                        targets = []
                elif msg_voc and cue.kind != "emoji" and (success or reason or cue.kind == "strong") and not req_before:
                    targets = msg_voc
            # A bare emoji in a thread thanks the parent only with nothing else said or with a success
            # ("that did it :pray:"); "same here :pray:" is pleading, not thanks.
            if not targets and thread_parent_author and (cue.kind != "emoji" or success or not _has_words(low)):
                targets = [thread_parent_author]
        for uid in targets:
            if uid == author:
                continue
            if uid not in found or (found[uid] is None and reason):
                found[uid] = reason
    return tuple(Thanks(uid, r) for uid, r in found.items())


_WORD = re.compile(r"[^\W\d_]{2,}")


def _has_words(low: str) -> bool:
    return _WORD.search(low) is not None


def _targets(
    cue: _Cue, low: str, norm: str, ids: list[str], ss: int, se: int, n: int
) -> tuple[list[str] | None, str | None, bool]:
    """Mentions a cue is aimed at, its reason, and whether it thanks a group ("thanks everyone")."""
    cs, ce = cue.start, cue.end
    if cue.kind == "karma":
        return _mentions(low[cs:ce], ids), None, False
    # Quoted as a word ('the "Thanks" button') or asked about ("thanks?") is not a thanks.
    if cs > 0 and low[cs - 1] in "\"'“‘" and ce < n and low[ce] in "\"'”’":
        return None, None, False
    if cue.kind == "grat" and low.startswith("?", ce) if ce < n else False:
        return None, None, False

    targets: list[str] = []
    trailing: list[str] = []  # "thanks!! <@A>": used only when nothing precedes the cue
    reason: str | None = None
    group = False

    # Right context may run past "!" into a trailing vocative ("thanks!! <@A>"), never further.
    r = _RIGHT.match(low, ce, min(n, ce + 400))
    assert r is not None  # every part is optional
    f1 = r.group("f1")
    if r.group("grp"):
        group = True
    pre = r.group("pre")
    if pre:
        pre_ids = _mentions(pre, ids)
        after = r.end("pre")
        crossed = any(c in f1 for c in ".!?\n")
        if crossed or cue.kind == "emoji":
            # A mention after the sentence ended only counts as a trailing vocative; so does one
            # after an emoji (":pray: <@B> you might want to look too" addresses B about something else).
            if not _TRAIL_END.match(low, after):
                pre_ids = []
            trailing, pre_ids = pre_ids, []
        elif (
            len(pre_ids) > 1 and _CLAUSE_AFTER.match(low, after) and not re.search(r"\b(?:and|und|y|et|e|&)\s*\S$", pre)
        ):
            pre_ids = pre_ids[:-1]  # "thanks <@A>, <@B> can you merge" → only A
        targets.extend(pre_ids)
    if r.group("reason") is not None and r.start("reason") < se + 1:
        raw_reason = r.group("reason")
        reason_end = min(r.end("reason"), se) if r.start("reason") < se else r.start("reason")
        reason = _clean_reason(norm[r.start("reason") : reason_end], ids)
        post = r.group("post")
        if post and pre and r.start("post") < se and re.search(r"(?:\band|&)\s*$", raw_reason):
            # "thanks <@A> for the design and <@B> for the implementation"
            if re.match(r"\s*(?:for|too)\b", low[r.end("post") : r.end("post") + 8]):
                targets.extend(_mentions(post, ids))
        elif post and not pre and r.start("post") < se:
            post_ids = _mentions(post, ids)
            if _ENDS_WITH_PREP.search(raw_reason):
                # "thanks for the intro to <@B>, <@A>!": the object is first, the addressee follows a comma.
                parts = re.split(r"\s*,\s*", post)
                post_ids = _mentions("".join(parts[1:]), ids) if len(parts) > 1 else []
            if post_ids and _CLAUSE_AFTER.match(low, r.end("post")):
                post_ids = []
            if _GROUP_RE.search(raw_reason):
                group = True
            targets.extend(post_ids)
        elif not post and _GROUP_RE.search(low, r.start("reason"), min(se, r.end("reason"))):
            group = True

    # "thanks to <@A>'s script we lost a day": causal "thanks to" + harm is blame, not thanks.
    causal = cue.kind == "grat" and re.match(r"\s*to\b", f1) and not reason and pre
    if causal and (_HAS_NEG.search(low, ce, se) or _NOW_NEG.search(low, ce, se)):
        return None, None, False
    if cue.kind in ("grat", "strong") and _NOW_NEG.search(low, ce, se):
        return None, None, False  # "thanks a lot <@A>, now the build is broken"

    if not targets:
        left = _left(low, cs, ss)
        targets.extend(_mentions(left, ids) or trailing)
    if not targets and not reason and not group and cue.kind in ("grat", "strong"):
        # "I appreciate the help <@A>", "I owe you big time <@A>": a short object, then the addressee.
        o = _OBJECT_THEN_M.match(low, ce, se)
        if o and not _ENDS_WITH_PREP.search(o.group("obj")) and _TRAIL_END.match(low, o.end()):
            targets.extend(_mentions(o.group("m"), ids))

    esp_from = ce
    e = _ESPECIALLY.search(low, esp_from, min(se, esp_from + 400))
    if e:
        targets.extend(_mentions(e.group("a") or e.group("b"), ids))
        group = False
    return targets, reason, group


_GROUP_RE = re.compile(_GROUPW)
_TRAIL_END = re.compile(rf"[\s,!.…{TYE}{EMO}]*(?:$|\n|[!.?])")
_OBJECT_THEN_M = re.compile(rf"(?P<obj>(?: [^\W\d_]+){{1,6}}) (?P<m>{_MLIST})")


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
    return m.group("m")
