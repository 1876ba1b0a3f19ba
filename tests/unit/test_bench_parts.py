"""The bench's pure parts: ApacheBench's report read right, dialog forms filled by label."""

from bench.forms import filled, read_form
from bench.load import parse_ab

AB = "This is ApacheBench, Version 2.3 <$Revision$>\nCopyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\nLicensed to The Apache Software Foundation, http://www.apache.org/\n\nBenchmarking 127.0.0.1 (be patient).....done\n\n\nServer Software:        SimpleHTTP/0.6\nServer Hostname:        127.0.0.1\nServer Port:            8765\n\nDocument Path:          /\nDocument Length:        4122 bytes\n\nConcurrency Level:      2\nTime taken for tests:   0.045 seconds\nComplete requests:      20\nFailed requests:        0\nTotal transferred:      85560 bytes\nHTML transferred:       82440 bytes\nRequests per second:    441.76 [#/sec] (mean)\nTime per request:       4.527 [ms] (mean)\nTime per request:       2.264 [ms] (mean, across all concurrent requests)\nTransfer rate:          1845.57 [Kbytes/sec] received\n\nConnection Times (ms)\n              min  mean[+/-sd] median   max\nConnect:        0    0   0.5      0       2\nProcessing:     2    4   2.0      4       8\nWaiting:        1    4   2.1      3       7\nTotal:          2    4   1.9      4       8\n\nPercentage of the requests served within a certain time (ms)\n  50%      4\n  66%      4\n  75%      7\n  80%      7\n  90%      7\n  95%      8\n  98%      8\n  99%      8\n 100%      8 (longest request)\n"

AB_FAILING = "This is ApacheBench, Version 2.3 <$Revision$>\nCopyright 1996 Adam Twiss, Zeus Technology Ltd, http://www.zeustech.net/\nLicensed to The Apache Software Foundation, http://www.apache.org/\n\nBenchmarking 127.0.0.1 (be patient).....done\n\n\nServer Software:        SimpleHTTP/0.6\nServer Hostname:        127.0.0.1\nServer Port:            8765\n\nDocument Path:          /\nDocument Length:        4122 bytes\n\nConcurrency Level:      2\nTime taken for tests:   0.045 seconds\nComplete requests:      20\nFailed requests:        7\n   (Connect: 1, Receive: 2, Length: 3, Exceptions: 1)\nNon-2xx responses:      4\nTotal transferred:      85560 bytes\nHTML transferred:       82440 bytes\nRequests per second:    441.76 [#/sec] (mean)\nTime per request:       4.527 [ms] (mean)\nTime per request:       2.264 [ms] (mean, across all concurrent requests)\nTransfer rate:          1845.57 [Kbytes/sec] received\n\nConnection Times (ms)\n              min  mean[+/-sd] median   max\nConnect:        0    0   0.5      0       2\nProcessing:     2    4   2.0      4       8\nWaiting:        1    4   2.1      3       7\nTotal:          2    4   1.9      4       8\n\nPercentage of the requests served within a certain time (ms)\n  50%      4\n  66%      4\n  75%      7\n  80%      7\n  90%      7\n  95%      8\n  98%      8\n  99%      8\n 100%      8 (longest request)\n"


def test_ab_report_is_read():
    assert parse_ab(AB) == {
        "rps": 441.76,
        "p50_ms": 4.0,
        "p95_ms": 8.0,
        "errors": 0,
        "requests": 20,
    }


def test_ab_length_differences_are_not_errors_but_the_rest_is():
    # "Length" differs on every page (its CSRF token); Connect + Receive + Exceptions + non-2xx
    assert parse_ab(AB_FAILING)["errors"] == 1 + 2 + 1 + 4


FORM = """<form action="/x/edit" method="post">
<input type="hidden" name="csrf_token" value="tok"><input type="hidden" name="version" value="3">
<label for="teks">Indikator Kinerja <span>*</span></label><textarea id="teks" name="teks">Lama</textarea>
<label for="aspek">Aspek</label><select id="aspek" name="aspek"><option value="Kuantitas">K</option>
<option value="Waktu" selected>W</option></select>
<input type="radio" name="jenis" value="satuan" checked><input type="radio" name="jenis" value="range">
<button type="submit">Simpan</button></form>"""


def test_a_dialog_form_is_filled_by_its_labels():
    form = read_form("<form action='/search'><input name='q'></form>" + FORM)
    assert form["action"] == "/x/edit"
    data = filled(form, {"Indikator Kinerja": "Baru"})
    assert data == {
        "csrf_token": "tok",
        "version": "3",
        "teks": "Baru",
        "aspek": "Waktu",
        "jenis": "satuan",
    }
