"""intersector.store"""
