"""Users, roles, passwords, API tokens and login throttling: the pure rules of who may do what.

Nothing here touches the database or the web; `store/users.py` keeps users and tokens, `web/`
applies these rules to requests.
"""
