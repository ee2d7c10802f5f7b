"""kiosk.store"""
