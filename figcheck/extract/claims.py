"""Placeholder while the extractor is written."""
def find_claims(text):
    return []
