# nested helper functions closing over settings
def make_variable_builder(prefix, start_year):
    def build(name, offset=0):
        return f"{prefix}_{name}_{start_year + offset}"
    def build_many(names):
        return [build(n, i) for i, n in enumerate(names)]
    return build, build_many
build, build_many = make_variable_builder("cov", 2020)
print(build("vax"))
print(build_many(["a", "b", "c"]))
