# multiple except clauses and tuples of types
def parse(v):
    try:
        return int(v)
    except (TypeError, ValueError) as e:
        return f"bad: {type(e).__name__}"
print(parse("12"), parse("x"), parse(None), parse([1]))
try:
    {}["k"]
except IndexError:
    print("index")
except KeyError as e:
    print("key", e)
