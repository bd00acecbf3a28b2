# string.Template substitution
from string import Template
t = Template("$name is $age years old, ${name}!")
print(t.substitute(name="Ann", age=30))
print(t.safe_substitute(name="Bob"))
