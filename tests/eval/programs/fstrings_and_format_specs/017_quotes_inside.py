# different quotes inside f-string fields
d = {"key": "v"}
print(f"{d['key']}")
print(f'{d["key"]}')
print(f"""{d["key"]} and {d['key']}""")
print(f"{'nested'}")
