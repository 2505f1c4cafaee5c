"""intersector.coordination"""
