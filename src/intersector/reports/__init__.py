"""intersector.reports"""
