"""kiosk.domain"""
