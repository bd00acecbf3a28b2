# triple-quoted strings keep newlines
s = """first
second
  third"""
print(s)
print(len(s.splitlines()))
print(s.splitlines())
