"""Exporting a machine's structure for documentation."""


def _guard_label(t):
    return f" [{t.guard.__name__}]" if t.guard is not None else ""


def to_dot(machine, name="fsm") -> str:
    """Graphviz source for the machine; ``*`` transitions fan out from every state."""
    lines = [f"digraph {name} {{", "  rankdir=LR;"]
    for state in machine.states:
        shape = "doublecircle" if state == machine.initial else "circle"
        lines.append(f'  "{state}" [shape={shape}];')
    for t in machine.table:
        sources = machine.states if t.source == "*" else [t.source]
        for source in sources:
            lines.append(f'  "{source}" -> "{t.dest}" [label="{t.event}{_guard_label(t)}"];')
    lines.append("}")
    return "\n".join(lines)


def to_table(machine) -> str:
    """A plain-text table of ``source --event--> dest`` lines, sorted."""
    rows = sorted((t.source, t.event, t.dest, _guard_label(t)) for t in machine.table)
    return "\n".join(f"{s} --{e}--> {d}{g}" for s, e, d, g in rows)
