-- A send is one autocommit statement: when the statement refuses it (the limit is reached, the receiver deleted
-- their account, the client_id was used before), raising this error aborts the statement, so nothing it wrote stays:
-- not the limit's hit, not the message, not the summaries, not the NOTIFY. db/queries/messages.ts reads the reason.
CREATE OR REPLACE FUNCTION community_refuse_send(reason text) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'CMS01', MESSAGE = reason;
END
$$;
