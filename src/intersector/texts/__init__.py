"""intersector.texts"""
