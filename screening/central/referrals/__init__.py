"""The Responsible Authority's case registry: the referrals of approved interviews and their
lifecycle, what a partner organisation may see of them, formal identification and follow-up
contacts, and their SQL."""
