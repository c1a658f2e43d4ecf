"""The messages domain of the schema: threads between a family and the service (the staff's shared
inbox), with attachments served through signed links; and the reminders a family switches on or off
(its notification preferences).
"""
