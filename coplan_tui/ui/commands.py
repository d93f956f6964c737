"""Command palette: every binding of the current screen (and the app) is a command."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .text import markup_safe


class BindingCommands(Provider):
    """Offers the active bindings, so every keyboard action is reachable by name."""

    def _commands(self) -> list[tuple[str, str, str, object]]:
        screen = self.screen
        seen: set[str] = set()
        found = []
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action.startswith("command_palette"):
                continue
            seen.add(binding.action)
            label = binding.description
            # Key names such as `/` or `[` are text, not markup: unescaped, `[/]` crashed the palette.
            help_text = markup_safe(f"{binding.tooltip or ''}  [{active.binding.key_display or key}]")
            found.append((label, help_text, binding.action, active.node))
        return found

    async def discover(self) -> Hits:
        for label, help_text, action, node in self._commands():
            yield DiscoveryHit(markup_safe(label), partial(self._run, node, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, action, node in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._run, node, action), help=help_text)

    async def _run(self, node, action: str) -> None:
        await node.run_action(action)
