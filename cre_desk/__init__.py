"""CRE Desk: desktop triage for Customer Reliability Engineering teams at mobile-SDK vendors."""

__version__ = "0.1.0"
APP_NAME = "CRE Desk"
APP_ID = "cre-desk"
ORG_NAME = "CRE Desk"
