# casefold, istitle, expandtabs
print("HeLLo".casefold())
print("Hello World".istitle(), "Hello world".istitle())
print("a\tb\tc".expandtabs(4))
print("x\ty".expandtabs())
