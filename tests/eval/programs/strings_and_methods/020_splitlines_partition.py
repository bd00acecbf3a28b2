# splitlines, partition, rpartition
print("a\nb\r\nc\n".splitlines())
print("key=value=more".partition("="))
print("key=value=more".rpartition("="))
print("novalue".partition("="))
print("novalue".rpartition("="))
