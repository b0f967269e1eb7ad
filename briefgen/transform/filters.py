"""Conditional content as a model transform: fenced divs resolved for one deliverable.

`::: {audience="business"}`, `not-audience`, `client`, `not-client`, `cut` and `not-cut`
keep or drop a block; `.callout`, `.factbox`, `.contact` and `.bottom-line` become
call-out boxes; `.lead` and `.small` give their paragraphs that role, and `.figures`
makes its tables a panel of headline figures (the summary's). Every name in a condition must be declared: a typo is an error with
its position, never a silently hidden or shown block. Dropped blocks are recorded so
that `--explain` can say what a deliverable omits and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from briefgen.errors import Diagnostic, did_you_mean
from briefgen.frozen import frozen
from briefgen.model import nodes as m
from briefgen.model.memo import ONE_CALL, IdentityMemo
from briefgen.model.omissions import Omission
from briefgen.model.walk import children, iter_blocks, same_or

CALLOUT_CLASSES = {"callout": "callout", "factbox": "factbox", "contact": "contact", "bottom-line": "bottom-line"}
ROLE_CLASSES = {"lead", "small", "figures"}  # restyle what they hold, no box
CONDITIONS = {"audience": "audiences", "client": "clients", "cut": "cuts"}
KNOWN_ATTRS = {"title", "id"} | set(CONDITIONS) | {f"not-{k}" for k in CONDITIONS}


@frozen
class Context:
    """The deliverable being built, and every name that a condition may use."""

    audience: str
    client: str | None
    cut: str
    names: dict[str, frozenset[str]]  # "audiences" / "clients" / "cuts" -> declared names
    # What the pass remembers by identity; a batch's assembler passes its own (`batch.caches`).
    divs: IdentityMemo[m.Block, bool] = field(
        default_factory=lambda: IdentityMemo("blocks holding divs", ONE_CALL), compare=False, repr=False
    )
    callouts: IdentityMemo[m.Div, tuple[tuple[m.Block, ...], m.Callout]] = field(
        default_factory=lambda: IdentityMemo("call-outs made from divs", ONE_CALL), compare=False, repr=False
    )


@dataclass
class FilterResult:
    errors: list[Diagnostic] = field(default_factory=list)
    omissions: list[Omission] = field(default_factory=list)


def _verdict(div: m.Div, ctx: Context, out: FilterResult) -> str | None:
    """None when the div is shown, else the reason it is hidden."""
    values = {"audience": ctx.audience, "client": ctx.client, "cut": ctx.cut}
    reason = None
    for key, raw in div.attrs:
        if key not in KNOWN_ATTRS:
            out.errors.append(Diagnostic(div.pos, f"unknown div attribute '{key}'", did_you_mean(key, KNOWN_ATTRS)))
            continue
        base = key.removeprefix("not-")
        if base not in CONDITIONS:
            continue
        names = raw.split()
        declared = ctx.names[CONDITIONS[base]]
        for name in names:
            if name not in declared:
                out.errors.append(
                    Diagnostic(div.pos, f"unknown {base} '{name}' in condition", did_you_mean(name, declared))
                )
        current = values[base]
        hit = current is not None and current in names
        if key.startswith("not-") and hit:
            reason = reason or f"{base} {current} excluded"
        elif not key.startswith("not-") and not hit:
            reason = reason or f"only for {base} {' '.join(names)}"
    return reason


def filter_blocks(blocks: tuple[m.Block, ...], ctx: Context, out: FilterResult) -> tuple[m.Block, ...]:
    """Resolve divs recursively; containers are rebuilt with their filtered children."""
    result: list[m.Block] = []
    for block in blocks:
        if not _has_div(block, ctx.divs):
            result.append(block)
        elif isinstance(block, m.Div):
            reason = _verdict(block, ctx, out)
            if reason:
                out.omissions.append(Omission(f"block at {block.pos}", reason))
                continue
            inner = filter_blocks(block.blocks, ctx, out)
            kinds = [CALLOUT_CLASSES[c] for c in block.classes if c in CALLOUT_CLASSES]
            unknown = [c for c in block.classes if c not in CALLOUT_CLASSES and c not in ROLE_CLASSES]
            if unknown:
                out.errors.append(
                    Diagnostic(
                        block.pos,
                        f"unknown div class '.{unknown[0]}'",
                        did_you_mean(unknown[0], [*CALLOUT_CLASSES, *sorted(ROLE_CLASSES)]),
                    )
                )
            for role in (c for c in block.classes if c in ROLE_CLASSES):
                inner = _with_role(inner, role)
            if kinds:
                result.append(_callout(block, inner, kinds[0], ctx.callouts))
            else:
                result.extend(inner)
        elif isinstance(block, m.BulletList | m.OrderedList):
            items = same_or(block.items, tuple(_filtered(i, ctx, out) for i in block.items))
            result.append(block if items is block.items else replace(block, items=items))
        elif isinstance(block, m.BlockQuote | m.Callout):
            result.append(_filtered(block, ctx, out))
        elif isinstance(block, m.Notes):
            notes = same_or(block.notes, tuple(_filtered(n, ctx, out) for n in block.notes))
            result.append(block if notes is block.notes else replace(block, notes=notes))
        else:
            result.append(block)
    # Unchanged blocks stay the same objects: later passes remember them by identity.
    return same_or(blocks, tuple(result))


def _has_div(block: m.Block, divs: IdentityMemo[m.Block, bool]) -> bool:
    """Whether a div (a condition or a call-out) sits anywhere in `block`; remembered by
    identity, as a batch filters the same parsed blocks for every deliverable."""
    found = divs.get(block)
    if found is None:
        hit = isinstance(block, m.Div) or any(isinstance(b, m.Div) for b in iter_blocks(children(block)))
        found = divs.put(block, hit)
    return found


def _callout(
    div: m.Div,
    inner: tuple[m.Block, ...],
    kind: str,
    callouts: IdentityMemo[m.Div, tuple[tuple[m.Block, ...], m.Callout]],
) -> m.Callout:
    """The call-out a div becomes; the same object each time the div and its kept content
    are the same, so that passes which remember blocks by identity recognise it."""
    found = callouts.get(div)
    if found is not None and found[0] is inner:
        return found[1]
    callout = m.Callout(dict(div.attrs).get("title", ""), inner, kind, div.pos)
    callouts.put(div, (inner, callout))
    return callout


def _with_role(blocks: tuple[m.Block, ...], role: str) -> tuple[m.Block, ...]:
    """Paragraphs take the role `lead` or `small`; tables under `figures` become a figures panel."""
    if role == "figures":
        return tuple(replace(b, kind="figures") if isinstance(b, m.Table) else b for b in blocks)
    return tuple(replace(b, style=role) if isinstance(b, m.Paragraph) else b for b in blocks)


def _filtered(node: Any, ctx: Context, out: FilterResult) -> Any:
    inner = filter_blocks(node.blocks, ctx, out)
    return node if inner is node.blocks else replace(node, blocks=inner)
