"""Default settings. instance/config.py overrides them, the environment overrides both."""

# No pool_pre_ping (a round trip per request): connections are recycled and checked locally at
# checkout instead (webapp/db_connections.py, ADR 0021).
SQLALCHEMY_ENGINE_OPTIONS = {"pool_recycle": 1800}
WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session: long forms stay valid
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
REMEMBER_COOKIE_HTTPONLY = True
AGENCY_TIMEZONE = "Asia/Jakarta"
AGENCY_NAME = "Badan Kepegawaian Negara"
COMPRESS_ALGORITHM = ["br", "gzip"]
COMPRESS_ALGORITHM_STREAMING = ["br", "gzip"]
COMPRESS_STREAMS = True
COMPRESS_MIMETYPES = [
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
]
COMPRESS_MIN_SIZE = 256
SEND_FILE_MAX_AGE_DEFAULT = 31536000  # static file names carry their version
# Per NIP (ADR 0011): after LOGIN_SLOWDOWN_FREE wrong passwords in a row each further attempt
# waits 1, 2, 4, … seconds, at most LOGIN_SLOWDOWN_MAX; the count restarts LOGIN_SLOWDOWN_FORGET
# seconds after its first failure, or at a successful login.
LOGIN_SLOWDOWN_FREE = 5
LOGIN_SLOWDOWN_MAX = 60
LOGIN_SLOWDOWN_FORGET = 3600
LOGIN_RATE_LIMIT_PER_ADDRESS = "30 per 5 minutes"
# Login counters in the app's own database, shared by every server process (ADR 0021);
# "memory://" keeps them per process, "redis://…" in a Redis.
RATELIMIT_STORAGE_URI = "database://"
PER_PAGE_CHOICES = (10, 25, 50, 100)
PASSWORD_HASH_METHOD = "scrypt"
MAX_CONTENT_LENGTH = 10 * 1024 * 1024  # any request body (pegawai import, bukti dukung)
# Bukti dukung files (ADR 0024): where they are stored (None: instance/bukti-dukung; a directory
# several app servers share, outside the web root) and the limit per file.
BUKTI_DUKUNG_DIR = None
BUKTI_DUKUNG_MAX_MB = 5
TRUSTED_PROXIES = 0  # how many reverse proxies set X-Forwarded-For (0: none, use the socket)
SESSION_COOKIE_SECURE = False  # set True (KINERJA_SESSION_COOKIE_SECURE=true) behind HTTPS
# Pola distribusi (SE MenPAN-RB 3/2023, rules.md §2): per Capaian Kinerja Organisasi, the limits on
# the predikat a leader gives the pegawai they rate. Kept here, not in code: a new circular may
# change them. Each limit is (jenis, predikat codes counted together, value):
#   "paling_banyak" / "paling_sedikit": a share in percent (a string, read as Decimal);
#   "paling_sedikit_orang": a number of pegawai.
# The rounding for small teams is webapp/domain/distribusi.py's (PEMBULATAN, ADR 0023).
POLA_DISTRIBUSI = {
    "istimewa": [("paling_banyak", ("sangat_baik",), "70")],
    "baik": [
        ("paling_banyak", ("baik",), "70"),
        ("paling_sedikit_orang", ("butuh_perbaikan", "kurang"), "1"),
    ],
    "butuh_perbaikan": [
        ("paling_sedikit", ("butuh_perbaikan",), "60"),
        ("paling_banyak", ("sangat_baik",), "10"),
    ],
    "kurang": [
        ("paling_sedikit", ("kurang",), "60"),
        ("paling_sedikit", ("butuh_perbaikan",), "10"),
        ("paling_banyak", ("sangat_baik",), "10"),
    ],
    "sangat_kurang": [
        ("paling_sedikit", ("sangat_kurang",), "60"),
        ("paling_sedikit", ("kurang", "butuh_perbaikan"), "10"),
        ("paling_banyak", ("sangat_baik",), "0"),
    ],
}
