// QR codes as inline SVG (libqrencode), for the TOTP enrolment page: no image request, no script.
#pragma once

#include <string>
#include <string_view>

namespace meldroute::http {

//! An <svg> element showing `text` as a QR code (error correction M, 4-module quiet zone), labelled with
//! `label` for assistive technology; empty when the text does not fit a QR code.
std::string QrSvg(std::string_view text, std::string_view label);

}  // namespace meldroute::http
