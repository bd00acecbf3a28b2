# nested try/finally run innermost first
try:
    try:
        print("inner body")
        raise ValueError("boom")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer except", e)
finally:
    print("outer finally")
