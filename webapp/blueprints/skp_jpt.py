from flask import Blueprint

bp = Blueprint("skp_jpt", __name__)
