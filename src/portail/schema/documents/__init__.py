"""The documents domain of the schema: "Mes documents à éditer" (printable forms and the fiche sanitaire),
supporting documents handed in by families, and their review by staff.

Files travel in GraphQL multipart requests (the ``Upload`` scalar) and come back through signed,
short-lived links (``viewUrl``/``downloadUrl``) served by ``GET /files/{token}``.
"""
