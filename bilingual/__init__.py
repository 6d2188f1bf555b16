"""What every app uses about language: the reader's language, names and choices spelled in both
languages, where a page lives in the other language, the Welsh alphabet and mutations, and the
middleware that remembers the reader's language.

The leaf of the project: it imports no other app of the project, and every app may import it.
"""
