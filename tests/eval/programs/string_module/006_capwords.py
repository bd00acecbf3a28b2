# string.capwords splits on whitespace and capitalises
import string
print(string.capwords("hello   world of python"))
print(string.capwords("a-b c_d"))
print(string.capwords("x,y,z", ","))
