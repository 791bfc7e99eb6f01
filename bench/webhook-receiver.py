"""A loopback webhook receiver for bench/webhooks-deliver.sh: HTTP/1.1 keep-alive, a thread per
connection, answers every POST 200 with an empty body (Content-Length: 0: ab's keep-alive needs
the length) without checking it (the bench measures the sender, and the
receiver's own ceiling is measured in the same run with ab). Counts the POSTs; writes the count
to COUNT_FILE each time another EXPECTED have come, so the script can tell that every message of a
round arrived (ab's requests in between are EXPECTED too).
Usage: python3 bench/webhook-receiver.py PORT_FILE COUNT_FILE EXPECTED"""
import http.server
import sys
import threading

port_file, count_file, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
lock = threading.Lock()
count = 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the sender reuses its connections

    def do_POST(self):
        global count
        self.rfile.read(int(self.headers.get("content-length", 0)))
        with lock:  # counted before the answer: once the sender has its last answer, the file is there
            count += 1
            if count % expected == 0:
                with open(count_file, "w") as f:
                    f.write(str(count))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "keep-alive")  # ab -k reuses a connection only when told so
        self.end_headers()

    def log_message(self, *args):  # a line per request would cost more than the request
        pass


http.server.ThreadingHTTPServer.request_queue_size = 128
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
