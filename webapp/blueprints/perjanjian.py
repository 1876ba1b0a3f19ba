from flask import Blueprint

bp = Blueprint("perjanjian", __name__)
