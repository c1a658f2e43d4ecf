"""The privacy domain: what the portal holds about a household (GDPR's right of access), and staff's
anonymisation of a household that has left."""
