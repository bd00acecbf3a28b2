# __all__-style export lists filtered from a namespace dict
namespace = {"asthma_codes": [1], "copd_codes": [2], "_private": 3, "helper": print}
__all__ = [k for k in namespace if k.endswith("_codes")]
print(__all__)
public = sorted(k for k in namespace if not k.startswith("_"))
print(public)
