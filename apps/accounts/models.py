from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person using CCHC; what they may do comes from their memberships."""
