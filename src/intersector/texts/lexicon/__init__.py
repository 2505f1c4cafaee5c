"""intersector.texts.lexicon"""
