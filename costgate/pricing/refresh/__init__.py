"""`catalog refresh`: fresh prices from the clouds' own public price lists, streamed into a
temporary catalog next to the current one and swapped in only when all of it succeeded."""
