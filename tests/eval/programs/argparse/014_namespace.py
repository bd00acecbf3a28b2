# Namespace equality, attribute access and repr
import argparse
ns = argparse.Namespace(a=1, b="two")
print(ns)
print(ns.a, ns.b, ns == argparse.Namespace(a=1, b="two"))
print(getattr(ns, "b"), hasattr(ns, "c"))
