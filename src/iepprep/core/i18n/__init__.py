"""iepprep in other languages (Spanish first): choosing the language, translated
content with an English fallback, and localized dates, numbers and search.

Pure: nothing here prints or prompts; the CLI and renderers ask it for text.
"""
