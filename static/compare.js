// compare feature: progressive enhancement only
