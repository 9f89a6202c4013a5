"""The shape of the package, read from its source: only the host adapters
import `saleor`, and no modules import each other in a circle. Every import
statement counts, function-local ones included. No database."""

import ast
from pathlib import Path

import pytest

PACKAGE = "openorder_plugin"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE
# The only packages allowed to import the host.
# saleor_common: what both Saleor adapters share.
ADAPTERS = (
    "openorder_plugin.saleor2",
    "openorder_plugin.saleor3",
    "openorder_plugin.saleor_common",
)


def module_name(path, root=ROOT):
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(root=ROOT):
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def imports_of(module, path):
    """Every module `module` imports, as absolute names (with the line)."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, False) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.append((target, node.lineno, False))
            # `from package import name` may import the submodule `name`.
            found += [
                (target + "." + alias.name, node.lineno, True) for alias in node.names
            ]
    return found


def import_graph(modules):
    """{module: {imported package module: line}}, with the packages each
    import runs (a submodule's import runs its parents' __init__)."""
    graph = {}
    for module, path in modules.items():
        edges = {}
        for target, line, maybe_name in imports_of(module, path):
            if target not in modules:
                if maybe_name:
                    continue
                # e.g. `openorder_plugin.models.Foo` names no module: its package
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if not target:
                    continue
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                name = ".".join(parts[:i])
                if (
                    name in modules
                    and name != module
                    and not module.startswith(name + ".")
                ):
                    edges.setdefault(name, line)
        graph[module] = edges
    return graph


def cycles(graph):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def host_imports(modules):
    bad = []
    for module, path in modules.items():
        if any(module == a or module.startswith(a + ".") for a in ADAPTERS):
            continue
        for target, line, maybe_name in imports_of(module, path):
            if not maybe_name and (target == "saleor" or target.startswith("saleor.")):
                bad.append("%s:%d imports %s" % (module, line, target))
    return bad


def test_only_the_adapters_import_saleor():
    assert host_imports(package_modules()) == []


def test_no_modules_import_each_other_in_a_circle():
    assert cycles(import_graph(package_modules())) == []


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_the_adapters_are_the_ones_that_import_saleor(adapter):
    # The check looks where it should: each adapter does import its host.
    modules = package_modules()
    assert any(
        target.startswith("saleor.")
        for module, path in modules.items()
        if module.startswith(adapter)
        for target, _, _ in imports_of(module, path)
    )


@pytest.fixture
def fake_package(tmp_path):
    """A throwaway package laid out like ours, for showing the checks fail."""
    root = tmp_path / PACKAGE

    def write(files):
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        for directory in [root] + [p for p in root.rglob("*") if p.is_dir()]:
            (directory / "__init__.py").touch()
        return package_modules(root)

    return write


def test_a_function_local_saleor_import_in_the_core_is_caught(fake_package):
    modules = fake_package(
        {
            "payments/window.py": "def lapse():\n    from saleor.order import actions\n",
            "saleor2/host.py": "from saleor.order import actions\n",
        }
    )
    assert host_imports(modules) == [
        "openorder_plugin.payments.window:2 imports saleor.order"
    ]


def test_a_circle_hidden_in_a_function_is_caught(fake_package):
    modules = fake_package(
        {
            "notifications/outbox.py": "def send():\n    from ..tasks import send_notification\n",
            "tasks.py": "from .notifications import outbox\n",
            "pricing.py": "from .money import quantize\n",
            "money.py": "",
        }
    )
    assert cycles(import_graph(modules)) == [
        ["openorder_plugin.notifications.outbox", "openorder_plugin.tasks"]
    ]


def test_the_saleor_adapter_implements_the_whole_host_interface_and_the_core_uses_it():
    from openorder_plugin.host import Host, get_host
    from openorder_plugin.saleor2.host import Saleor2Host

    assert isinstance(get_host(), Saleor2Host)  # the settings name it
    Saleor2Host()  # an abstract method left out would make this a TypeError
    core = "\n".join(
        path.read_text()
        for module, path in package_modules().items()
        if not module.startswith(ADAPTERS)
    )
    unused = [
        name for name in sorted(Host.__abstractmethods__) if ".%s(" % name not in core
    ]
    assert unused == []


def defined_methods(path, class_name):
    tree = ast.parse(path.read_text(), str(path))
    (cls,) = [
        n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name
    ]
    return {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}


def test_the_saleor3_adapter_implements_the_whole_host_interface():
    # Saleor 3.23 cannot be imported on this host: its adapter's source is
    # read instead (the Saleor 3 run instantiates it).
    from openorder_plugin.host import Host

    missing = Host.__abstractmethods__ - (
        defined_methods(ROOT / "saleor3" / "host.py", "Saleor3Host")
        | defined_methods(ROOT / "saleor_common" / "host.py", "SaleorHost")
    )
    assert missing == set()
