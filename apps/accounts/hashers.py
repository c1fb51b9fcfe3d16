"""Password hashing: Argon2id with the parameters OWASP recommends for interactive logins.

Django's Argon2 defaults (100 MiB, 8 lanes) cost 0.3-0.6 s of CPU per login on a two-core server,
most of the 1-2 s an official waited between "Đăng nhập" and the home page, and a burst of logins
at 7:30 queues behind it. OWASP's Password Storage Cheat Sheet lists m=19 MiB, t=2, p=1 as an
equivalent Argon2id configuration: still memory-hard against GPU guessing, several times cheaper
here. Hashes made with other parameters still verify (they carry their own parameters) and are
re-hashed with these at the user's next successful login (``must_update``).
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class CchcArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
