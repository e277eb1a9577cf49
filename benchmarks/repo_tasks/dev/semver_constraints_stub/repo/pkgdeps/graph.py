"""The dependency graph between packages."""


class CycleError(Exception):
    def __init__(self, cycle):
        super().__init__("dependency cycle: " + " -> ".join(cycle))
        self.cycle = cycle


class DependencyGraph:
    def __init__(self):
        self._deps = {}

    def add(self, package: str, depends_on=()):
        self._deps.setdefault(package, set()).update(depends_on)
        for dep in depends_on:
            self._deps.setdefault(dep, set())

    def dependencies(self, package: str):
        return sorted(self._deps[package])

    def install_order(self):
        """Packages ordered so each comes after its dependencies.

        Ties are broken alphabetically.  Raises CycleError on a cycle.
        """
        order, state = [], {}

        def visit(node, path):
            if state.get(node) == "done":
                return
            if state.get(node) == "active":
                start = path.index(node)
                raise CycleError(path[start:] + [node])
            state[node] = "active"
            for dep in sorted(self._deps[node]):
                visit(dep, path + [node])
            state[node] = "done"
            order.append(node)

        for node in sorted(self._deps):
            visit(node, [])
        return order

    def dependents(self, package: str):
        """Packages that depend on *package*, directly or not."""
        found = set()
        frontier = [package]
        while frontier:
            current = frontier.pop()
            for node, deps in self._deps.items():
                if current in deps and node not in found:
                    found.add(node)
                    frontier.append(node)
        return sorted(found)
