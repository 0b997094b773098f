import SafeguardCore
print("x")
