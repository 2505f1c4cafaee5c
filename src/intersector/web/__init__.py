"""The web door: REST API under `/api/v1`, server-rendered pages, sign-in. `create_app(settings)`
builds the FastAPI application; every route reads its input, calls one function of `services`,
formats the result."""
