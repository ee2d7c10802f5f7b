"""kiosk.hq"""
