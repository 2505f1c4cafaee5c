"""intersector.web"""
