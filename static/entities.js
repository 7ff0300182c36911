// entities feature: progressive enhancement only
