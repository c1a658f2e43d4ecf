"""The town domain: who runs the portal and what day it is there (public, no sign-in)."""
