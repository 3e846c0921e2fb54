"""Seeded, realistic Slack message traffic with the thanks each message contains.

`generate_messages(n, seed)` returns `n` messages shaped like `giveback detect` input plus the
expected answer: `{"author", "text", "thread_parent_author", "thanked"}`. The mix follows what
workspace exports look like: about 85% chatter (most of it mentioning someone; about one chatter
message in ten has thanks-like words that are not thanks: "thanks in advance", "no thanks",
Thanksgiving, quoted or code thanks, requests closed with "thanks"), about 15% genuine thanks of every kind (mentions,
thread replies, emoji, 20 languages, several people, cc's and requests next to the thanks), and a
few long multi-line status messages. Same seed, same messages.

The labels come from the templates, so precision/recall on this traffic is a sanity check of the
detector at speed; the accuracy claim rests on the hand-labelled sets in tests/data.
"""

from __future__ import annotations

import random

_ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"

TOPICS = [
    "the retry logic",
    "the billing export",
    "the staging DB",
    "the onboarding doc",
    "the Q3 roadmap",
    "the flaky e2e suite",
    "the SSO migration",
    "the Terraform plan",
    "the incident review",
    "the API rate limits",
    "the search index",
    "the mobile release",
    "the design system",
    "the on-call rota",
    "the data pipeline",
]
REASONS = [
    "the quick review",
    "jumping on that call",
    "fixing the build",
    "the detailed write-up",
    "pairing with me on this",
    "covering my on-call shift",
    "the pointer to the runbook",
    "unblocking the deploy",
    "digging into the logs",
    "the intro",
    "staying late to get the release out",
    "explaining the auth flow",
]
EMOJI = [":+1:", ":eyes:", ":white_check_mark:", ":tada:", ":sweat_smile:", ":rocket:", "🎉", "👀", ":joy:", ""]

# {m}, {m2}, {m3}: mentions of people who are NOT thanked. {t}: topic. {e}: emoji.
CHATTER = [
    "{m} standup in 5",
    "LGTM {m} :shipit:",
    "{m} {m2} heads up: {t} will be down for maintenance 2–3pm",
    "{m} can you review my PR when you get a chance? it's the one about {t}",
    "{m} :eyes:",
    "{m} did you see the alert on {t}?",
    "{m} I pushed a fix, can you take another look",
    "{m} the build is failing on main again {e}",
    "{m} {m2} sync at 3?",
    "cc {m}",
    "{m} I think the issue is in {t}",
    "{m} is out today, {m2} is covering",
    "{m} let's discuss {t} tomorrow",
    "{m} what do you think about moving {t} to Q3?",
    "{m} agreed {e}",
    "{m} +1",
    "{m} welcome to the team! :wave:",
    "{m} happy birthday! :birthday:",
    "{m} check <#C0123ABCD|eng-alerts>",
    "{m} I'll be 10 min late",
    "{m} no worries!",
    "{m} you're welcome!",
    "{m} done :white_check_mark:",
    "{m} deployed to staging",
    "{m} taking a look now",
    "{m} {m2} {m3} retro notes are in <https://docs.acme.io/retro|the doc>",
    "{m} who owns {t}?",
    "{m} do you have a minute?",
    "{m} PTAL <https://github.com/acme/api/pull/42|#42>",
    "{m} the tests pass locally but fail on CI",
    "{m} you're on call next week",
    "{m} it worked!",
    "{m} sounds good {e}",
    "I think {t} is fine now, let me check the logs again and get back to you",
    "Reminder: timesheets are due Friday",
    "anyone know why {t} is so slow today?",
    "lunch?",
    "brb",
    "pushed :rocket:",
    "{m} {m2} FYI the office is closed Monday",
    "{m} merci d'avance pour la relecture",
    "{m} ¿puedes revisar el PR? gracias",
    "{m} レビューお願いします！",
    "{m} two quick things: the config lives in {t}, and the secrets are in Vault",
    "{m} can we pair on {t} later today?",
    "{m} I left a few comments on {t}",
    "{m} good morning! :sunny:",
    "{m} nice work on the demo",
    "{m} the graph for {t} looks off since Tuesday",
    "{m} I'll forward you the invite",
    "{m} I moved our 1:1 to Thursday",
    "{m} {m2} who's taking the on-call handover?",
    "{m} heads up, the API key for {t} rotates tonight",
]
# Chatter with thanks-like words that is not thanks: about one chatter message in ten.
TRICKY = [
    "{m} the props are undefined in the Header component",
    "{m} the thank-you page returns a 500 after checkout",
    "{m} are you around for Thanksgiving?",
    "on-call is such a thankless job, hang in there {m}",
    "{m} the `thanks_email` job failed again",
    "rename `sendThanks()` to `sendKudos()` please {m}",
    "{m} the type checker complains about {t}",
    "{m} what's the best way to handle {t}?",
    "{m} can you send me the numbers for {t}? thanks",
    "{m} any update on {t}? thx",
    "{m} could you approve the PR please? Thanks!",
    "Can someone help me with {t}? Thanks in advance!",
    "{m} would you mind reviewing the design doc? thanks in advance :pray:",
    "TIA {m}",
    "{m} thanks but no thanks, I'll stick with vim",
    "{m} no thanks needed, happy to help",
    "{m} good, thanks! you?",
    "Thanks a lot {m}, now the build is broken for everyone :roll_eyes:",
    "thanks to {m}'s script we lost a day of data",
    "&gt; thanks {m} for the fix\nthis is what the customer wrote",
    "thank you <!here> for joining the all-hands",
    "thanks <!subteam^S0123ABC|@platform> for the quick response",
    "Thanks for joining, everyone! {m} will send out the notes",
    "{m} merci d'avance pour la relecture",
    "{m} ¿puedes revisar el PR? gracias",
    "{m} 请帮我看一下这个问题，谢谢",
]
# {a}, {b}: thanked people. {m}: someone mentioned but not thanked. {r}: a reason.
THANKS = [
    "thanks {a}",
    "thanks {a} for {r}!",
    "Thank you so much {a} :pray:",
    "tysm {a}!!! I was stuck on that for hours",
    "ty {a}",
    "thx {a}, that did the trick",
    "{a} thanks!",
    "{a} thank you for {r}",
    "much appreciated {a}",
    "{a} you saved me so much time",
    "{a} I owe you one",
    "{a} you're a lifesaver",
    "kudos to {a} for {r} :clap:",
    "shout-out to {a} for {r}",
    "props to {a} for {r}",
    "h/t {a} for the link",
    "{a} :pray::skin-tone-3:",
    "🙏🏽 {a}",
    "thanks {a} and {b}!",
    "huge thanks to {a} and {b} for {r}",
    "{a} thanks for the PR. {b} thanks for the review",
    "thanks {a} for introducing me to {m}",
    "thanks {a}, cc {m}",
    "thanks {a}! {m} can you merge?",
    "{m} can you merge this? thanks {a} for {r} btw",
    "Thanks everyone who helped with the launch, especially {a}!",
    "{a} that worked, you're the best :star-struck:",
    "Thanks for {r} {a}, I'll take it from here",
    "¡Muchas gracias {a}! Ya funciona.",
    "merci beaucoup {a} pour ton aide",
    "Vielen Dank {a}!",
    "Obrigado {a}, resolveu o problema!",
    "grazie mille {a}",
    "Bedankt {a}!",
    "tack så mycket {a}",
    "dziękuję {a}!",
    "teşekkürler {a}",
    "спасибо {a}!",
    "谢谢 {a}",
    "{a} ありがとうございます！",
    "{a} 감사합니다",
    "धन्यवाद {a}",
    "شكرا {a}",
    "תודה רבה {a}",
    "cảm ơn {a}!",
    "terima kasih {a}",
    "Ευχαριστώ πολύ {a}!",
    "ขอบคุณครับ {a}",
]
# Thread replies that thank the parent's author without naming anyone.
THREAD_THANKS = [
    "thanks!",
    "thank you, that worked",
    "ty!",
    "thanks, this is super helpful!",
    "You saved my afternoon :raised_hands:",
    "Thanks! cc {m} since you asked about this last week",
    "&gt; restart the pod and it should pick up the new secret\nthanks, that worked",
    "ありがとうございます！助かりました",
    "gracias!",
    "perfect, thanks :pray:",
    "much appreciated",
]
THREAD_CHATTER = [
    "I had the same issue, running `npm ci` fixed it for me",
    "+1, seeing this too",
    "can you share the logs?",
    "any update on this? thanks",
    "following",
    "is there a ticket for this?",
    "same here :pray:",
    "{m} might know",
]
LONG_LINES = [
    "• {t} is done and in the shared drive",
    "• {m} has the keys to {t} while I'm out",
    "• If the nightly job fails, page {m}, not me :sweat_smile:",
    "• Reminder: {m} is OOO Thu–Fri",
    "• The flaky `test_thanks_email` job is still failing, {m} is investigating",
    "• We moved {t} to next sprint",
    "Root cause was a missing index on {t}; action items are in <https://docs.acme.io/pm|the postmortem>.",
    "What I tried:\n1. `brew install postgresql@15`\n2. re-ran `make bootstrap`",
]
LONG_THANKS = [
    "Also, thanks {a} for {r} — really appreciate it :pray:",
    "• Migrated {t} — huge thanks to {a} and {b} for the late nights",
    "Shoutout to {a} for {r} :clap:",
]


def _uid(rng: random.Random) -> str:
    return "U0" + "".join(rng.choice(_ID_CHARS) for _ in range(9))


def _mention(rng: random.Random, uid: str) -> str:
    return f"<@{uid}|{rng.choice(['alice', 'bob', 'carol', 'dan'])}>" if rng.random() < 0.1 else f"<@{uid}>"


def generate_messages(n: int, seed: int = 42) -> list[dict]:
    """`n` messages of realistic Slack traffic, deterministic for a given seed."""
    rng = random.Random(seed)
    people = [_uid(rng) for _ in range(200)]
    out: list[dict] = []
    for _ in range(n):
        author = rng.choice(people)
        others = [p for p in rng.sample(people, 6) if p != author]
        a, b, m1, m2, m3 = others[:5]
        fill = {
            "m": _mention(rng, m1),
            "m2": _mention(rng, m2),
            "m3": _mention(rng, m3),
            "t": rng.choice(TOPICS),
            "e": rng.choice(EMOJI),
            "r": rng.choice(REASONS),
            "a": _mention(rng, a),
            "b": _mention(rng, b),
        }
        parent: str | None = None
        thanked: list[str] = []
        roll = rng.random()
        if roll < 0.05:  # long multi-line status message, sometimes with thanks in it
            lines = [rng.choice(LONG_LINES) for _ in range(rng.randint(3, 10))]
            if rng.random() < 0.4:
                template = rng.choice(LONG_THANKS)
                lines.insert(rng.randrange(len(lines) + 1), template)
                thanked = [a] + ([b] if "{b}" in template else [])
            text = "Quick status before the weekend :wave:\n" + "\n".join(lines)
        elif roll < 0.15:  # genuine thanks in a channel
            template = rng.choice(THANKS)
            text = template
            thanked = [a] + ([b] if "{b}" in template else [])
        elif roll < 0.18:  # thread reply thanking the parent
            parent = others[5] if len(others) > 5 else m3
            text = rng.choice(THREAD_THANKS)
            thanked = [parent]
        elif roll < 0.30:  # thread chatter
            parent = rng.choice(others)
            text = rng.choice(THREAD_CHATTER)
        elif roll < 0.37:
            text = rng.choice(TRICKY)
        else:
            text = rng.choice(CHATTER)
        out.append(
            {
                "author": author,
                "text": text.format(**fill),
                "thread_parent_author": parent,
                "thanked": thanked,
            }
        )
    return out
