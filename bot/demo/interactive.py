"""`giveback demo --interactive`: type messages as team members, ask for anyone's digest.

Every line goes the same way as in the scripted week: a signed request into the real bot, and
what is printed is read back from the sandbox and the ledger.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TextIO

from bot import ids
from bot.demo.transcript import INDENT, Transcript, plural
from bot.demo.week import TICK, _click_step, _print_pass
from bot.demo.world import TEAM, DemoWorld, PostedMessage

HELP = """\
Type as a team member (mentions with @name; the default channel is #general):
  alice: thanks @bob for the review          a message in #general
  kenji #eng: thank you!                     a message in another channel (#general, #eng, #random)
  dana #eng: +:pray:                         a reaction on the latest message there by someone else
  bob: /got @alice the intro to Sam          /got or /gave, as that person
  edit alice: thanks @bob and @kenji         edit alice's latest message
  delete alice                               delete alice's latest message
  digest bob                                 preview bob's digest as of now (nothing is sent)
  next day                                   let a day pass: the digest ticker runs every hour, DMs are shown
  click bob asked alice                      click a button in bob's latest digest: asked, snooze or mute
  ledger                                     everything recorded so far
  who                                        the team
  help, quit"""

_BUTTONS = {"asked": ids.DIGEST_ASKED, "snooze": ids.DIGEST_SNOOZE, "mute": ids.DIGEST_MUTE}
_SAY = re.compile(r"^(?P<who>[a-z]+)(?:\s+#(?P<channel>[a-z0-9_-]+))?\s*:\s*(?P<text>.*)$", re.S)


class Repl:
    def __init__(self, world: DemoWorld, stdin: TextIO, out: TextIO) -> None:
        self.world, self.stdin, self.out = world, stdin, out
        self.t = Transcript(world, out)
        self.latest: dict[str, PostedMessage] = {}  # by author
        self._tty = bool(getattr(stdin, "isatty", lambda: False)())
        # Start on a Monday morning in Europe, mid-week for nobody's DST.
        world.clock.set(dt.datetime(2026, 11, 16, 8, 0, tzinfo=dt.UTC))

    def run(self) -> int:
        self.t.line(HELP)
        self.t.line(f"Team: {self._team()}. It is {self._now_words()}.")
        while True:
            self.out.write("> ")
            self.out.flush()
            line = self.stdin.readline()
            if not line:  # EOF (Ctrl-D, or the end of piped input)
                self.t.line()
                break
            command = line.strip()
            if not self._tty:
                self.out.write(command + "\n")  # piped input: show what was typed, as a terminal would
            if not command:
                continue
            if command in ("quit", "exit", "q"):
                break
            try:
                self.handle(command)
            except KeyError as err:
                self.t.line(f"{INDENT}I don't know {err.args[0]!r}. Team: {self._team()}; type help.")
            self.out.flush()
        self.t.line("Bye — the demo database is thrown away.")
        return 0

    # ---------------------------------------------------------------- dispatch

    def handle(self, command: str) -> None:
        words = command.split()
        head = words[0].lower()
        if head == "help":
            self.t.line(HELP)
        elif head == "who":
            self.t.line(f"{INDENT}{self._team()}")
        elif head == "ledger":
            self._ledger()
        elif head == "digest" and len(words) == 2:
            self._preview(words[1])
        elif command.lower() in ("next day", "nextday", "tomorrow"):
            self._next_day()
        elif head == "click" and len(words) == 4 and words[2].lower() in _BUTTONS:
            self._tick_clock()
            _click_step(self.t, self.world, self.world.clock(), words[1], words[3], _BUTTONS[words[2].lower()])
        elif head == "delete" and len(words) == 2:
            self._delete(words[1])
        elif head == "edit" and ":" in command:
            who, _, text = command[len("edit") :].partition(":")
            self._edit(who.strip(), text.strip())
        elif (match := _SAY.match(command)) is not None:
            self._say(match["who"], match["channel"] or "general", match["text"].strip())
        else:
            self.t.line(f"{INDENT}Not understood; type help.")

    # ---------------------------------------------------------------- actions

    def _say(self, who: str, channel: str, text: str) -> None:
        member = self.world.member(who)
        channel_id = self.world.channel_id(channel)
        if not text:
            self.t.line(f"{INDENT}Say something after the colon.")
            return
        self._tick_clock()
        now = self.world.clock()
        if text.startswith(("/got", "/gave")):
            name, _, rest = text.partition(" ")
            outcome = self.world.command(member.name, name, rest.strip(), channel)
            self.t.command(now, member, name, rest.strip(), outcome)
            return
        if text.startswith("+:") and text.endswith(":"):
            target = self._latest_in(channel_id, other_than=member.user_id)
            if target is None:
                self.t.line(f"{INDENT}Nothing to react to in #{channel} yet.")
                return
            emoji = text[2:-1]
            outcome = self.world.react(member.name, emoji, target)
            self.t.reaction(now, member, emoji, target, outcome)
            return
        posted, outcome = self.world.say(member.name, channel, text)
        self.latest[member.user_id] = posted
        self.t.message(now, posted, outcome)

    def _edit(self, who: str, text: str) -> None:
        member = self.world.member(who)
        message = self.latest.get(member.user_id)
        if message is None:
            self.t.line(f"{INDENT}{member.first_name} has not written anything yet.")
            return
        self._tick_clock()
        edited, outcome = self.world.edit(message, text)
        self.latest[member.user_id] = edited
        self.t.message(self.world.clock(), edited, outcome, verb=" edited it to")

    def _delete(self, who: str) -> None:
        member = self.world.member(who)
        message = self.latest.pop(member.user_id, None)
        if message is None:
            self.t.line(f"{INDENT}{member.first_name} has no message to delete.")
            return
        self._tick_clock()
        self.t.deleted(self.world.clock(), message, self.world.delete(message))

    def _preview(self, who: str) -> None:
        member = self.world.member(who)
        service = self.world.digest
        if service is None:
            self.t.line(f"{INDENT}This build has no digest service yet.")
            return
        text = service.preview(TEAM, member.user_id, self.world.clock())
        self.t.line(f"{INDENT}{member.first_name}'s digest if it were sent now ({self._now_words()}); nothing sent:")
        for line in text.splitlines():
            self.t.line(f"{INDENT}│ {_names(line, self.world)}".rstrip())

    def _next_day(self) -> None:
        if self.world.digest is None:
            self.t.line(f"{INDENT}This build has no digest service yet.")
            return
        start = self.world.clock()
        instant = start.replace(minute=0, second=0, microsecond=0) + TICK
        sent = 0
        while instant <= start + dt.timedelta(days=1):
            self.world.clock.set(instant)
            summary, outcome = self.world.tick()
            if outcome.bot_posts:
                sent += len(outcome.bot_posts)
                _print_pass(self.t, self.world, instant, summary, outcome, None)
            instant += TICK
        self.t.line(f"{INDENT}A day passed ({plural(sent, 'digest DM')}). It is {self._now_words()}.")

    def _ledger(self) -> None:
        rows = list(self.world.ledger_rows().values())
        if not rows:
            self.t.line(f"{INDENT}The ledger is empty.")
        for row in rows:
            state = "" if row.active else "  (retracted)"
            self.t.line(f"{INDENT}· {self.t.ledger_row(row)}{state}")

    # ---------------------------------------------------------------- helpers

    def _tick_clock(self) -> None:
        self.world.clock.advance(dt.timedelta(minutes=1))

    def _latest_in(self, channel_id: str, *, other_than: str) -> PostedMessage | None:
        for posted in reversed(self.world.posted):
            if posted.channel_id == channel_id and posted.user_id != other_than:
                return posted
        return None

    def _team(self) -> str:
        return ", ".join(f"{m.name} ({m.city})" for m in self.world.members.values())

    def _now_words(self) -> str:
        now = self.world.clock()
        return f"{now:%a %d %b %H:%M} UTC"


def _names(line: str, world: DemoWorld) -> str:
    """The preview prints `Real Name (U…)` and `#C…`: keep the name, show channels by name."""
    line = re.sub(r" \((?:U|W)[A-Z0-9]*[0-9][A-Z0-9]*\)", "", line)
    for channel_id, name in world.names.channels.items():
        line = re.sub(rf"#{re.escape(channel_id)}\b", f"#{name}", line)
    return line
