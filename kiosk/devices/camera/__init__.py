"""Camera scanning: frame sources (OpenCV capture, image/video files), the latest-frame
slot, barcode decoders (zxing-cpp, optional pyzbar), region of interest, the repeat
filter, and the camera scanner device that ties them together."""
